// GET /vision/v3.2/read/analyzeResults/{operationId}
import { AzureErrors } from '../../errors/azure-error-factory.js';
import { readResultV3 } from '../../wire/read-result.js';
import type { Route } from '../route.js';

export const readResultRouteV3: Route = {
  method: 'GET',
  version: 'v3.2',
  path: '/read/analyzeResults/{operationId}',
  operation: 'getReadResult',
  errorFormat: 'read',
  async handle(ctx) {
    const op = ctx.operations.poll('v3.2', ctx.params.operationId ?? '');
    if (!op) throw AzureErrors.operationNotFound('InvalidRequest');
    return { kind: 'json', body: readResultV3(op) };
  },
};
