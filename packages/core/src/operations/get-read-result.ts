import { UpstreamError } from '../errors/error-classes.js';
import { parseJson } from '../http/executor.js';
import type { OperationStatus, ReadOperationResult } from '../generated/spec-types.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';
import { operationIdFrom } from './operation-id.js';

// v3.2 spells statuses in camelCase; v1.0/v2.0 used "Not Started", v2.1 "NotStarted".
const STATUSES: Record<string, OperationStatus> = {
  notstarted: 'notStarted',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
};

/** Maps any known spelling to the v3.2 one, or undefined. */
export function normalizeStatus(status: unknown): OperationStatus | undefined {
  return typeof status === 'string'
    ? STATUSES[status.replace(/[\s_]/g, '').toLowerCase()]
    : undefined;
}

export interface ReadResultPoll {
  result: ReadOperationResult & { status: OperationStatus };
  /** The service's `Retry-After`, if it sent one. */
  retryAfterMs?: number;
}

/** GET /read/analyzeResults/{id}, with the status normalized to the v3.2 spelling. */
export async function pollReadResult(
  ctx: OperationContext,
  idOrLocation: string,
  o: Pick<CallOptions, 'signal'> & { deadline?: number } = {},
): Promise<ReadResultPoll> {
  const id = operationIdFrom(idOrLocation);
  const res = await ctx.execute({
    operation: 'readResult',
    method: 'GET',
    path: `/read/analyzeResults/${encodeURIComponent(id)}`,
    safety: 'idempotent',
    ...(o.signal && { signal: o.signal }),
    ...(o.deadline !== undefined && { deadline: o.deadline }),
  });
  const body = parseJson<ReadOperationResult>(res, 'readResult');
  const status = normalizeStatus(body?.status);
  if (!status) {
    throw new UpstreamError(
      `readResult: unknown operation status ${JSON.stringify(body?.status)}`,
      {
        code: 'InvalidResponse',
        status: res.status,
        operation: 'readResult',
        ...(res.requestId && { requestId: res.requestId }),
      },
    );
  }
  return {
    result: { ...body, status },
    ...(res.retryAfterMs !== undefined && { retryAfterMs: res.retryAfterMs }),
  };
}

export async function getReadResult(
  ctx: OperationContext,
  idOrLocation: string,
  o: Pick<CallOptions, 'signal'> = {},
): Promise<ReadOperationResult> {
  return (await pollReadResult(ctx, idOrLocation, o)).result;
}
