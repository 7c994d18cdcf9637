import { AsyncLocalStorage } from 'node:async_hooks';

/** What one HTTP request accumulates for its log line. */
export interface RequestScope {
  readonly startedAt: number;
  operationName?: string;
  operationType?: string;
  /** Upstream HTTP attempts by core operation (retries and read polls count). */
  readonly upstream: Record<string, number>;
  /** Summed duration of those attempts, in ms (overlapping attempts count in full). */
  upstreamMs: number;
  /** `extensions.code` of every GraphQL error in the response, in order. */
  readonly errorCodes: string[];
  /** The transaction bound and what was spent and saved, read when the line is written. */
  transactions?: () => { bound: number; spent: number; saved: number };
}

// Core's onAttempt hook is per client, not per request; the async context tells which request
// an attempt belongs to (DataLoader batches run in the context of the request that filled them).
const storage = new AsyncLocalStorage<RequestScope>();

export function newRequestScope(): RequestScope {
  return { startedAt: performance.now(), upstream: {}, upstreamMs: 0, errorCodes: [] };
}

export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

export function upstreamTotal(scope: RequestScope): number {
  return Object.values(scope.upstream).reduce((sum, n) => sum + n, 0);
}
