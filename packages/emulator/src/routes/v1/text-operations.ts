// GET /vision/v1.0/textOperations/{operationId}
import { AzureErrors } from '../../errors/azure-error-factory.js';
import { textOperationV1 } from '../../wire/read-result.js';
import type { Route } from '../route.js';

export const textOperationsV1: Route = {
  method: 'GET',
  version: 'v1.0',
  path: '/textOperations/{operationId}',
  operation: 'getTextOperationResult',
  errorFormat: 'v1',
  async handle(ctx) {
    const op = ctx.operations.poll('v1.0', ctx.params.operationId ?? '');
    if (!op) throw AzureErrors.operationNotFound('BadArgument');
    return { kind: 'json', body: textOperationV1(op) };
  },
};
