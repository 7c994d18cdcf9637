import { parseJson } from '../http/executor.js';
import type { ListModelsResult } from '../generated/spec-types.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';

/** GET /models (takes no model-version). */
export async function listModels(
  ctx: OperationContext,
  o: Pick<CallOptions, 'signal'> = {},
): Promise<ListModelsResult> {
  const res = await ctx.execute({
    operation: 'listModels',
    method: 'GET',
    path: '/models',
    safety: 'idempotent',
    ...(o.signal && { signal: o.signal }),
  });
  return parseJson<ListModelsResult>(res, 'listModels');
}
