import type { AttemptEvent } from '@visiongraph/core';

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
  /** Set when the response closes: whether the client left before it ended. */
  clientLeft?: boolean;
  /** The request's upstream work, once it has any (see upstream-work.ts). */
  work?: { readonly signal: AbortSignal; end(clientLeft: boolean): void };
}

/** The server-context field an in-process (`fetch`) request carries its scope in. */
export const SCOPE_FIELD = 'visiongraphRequestScope';

// A Node request's scope is found by its IncomingMessage, which yoga puts in the server context
// (and so in the GraphQL context) as `req`. Passed explicitly rather than through async context:
// AsyncLocalStorage turns on promise hooks for every promise of the process, which cost more CPU
// per request than anything else the gateway adds to yoga.
const byNodeRequest = new WeakMap<object, RequestScope>();

export function newRequestScope(): RequestScope {
  return { startedAt: performance.now(), upstream: {}, upstreamMs: 0, errorCodes: [] };
}

/** Makes `scope` the one of the Node request `req`. */
export function bindScope(req: object, scope: RequestScope): void {
  byNodeRequest.set(req, scope);
}

/** The scope of the request a yoga server context (or GraphQL context) belongs to. */
export function scopeOf(context: unknown): RequestScope | undefined {
  if (typeof context !== 'object' || context === null) return undefined;
  const fields = context as Record<string, unknown>;
  const own = fields[SCOPE_FIELD] as RequestScope | undefined;
  if (own) return own;
  const req = fields['req'];
  return typeof req === 'object' && req !== null ? byNodeRequest.get(req) : undefined;
}

/** Counts one upstream attempt against the request. */
export function countAttempt(scope: RequestScope, event: AttemptEvent): void {
  scope.upstream[event.operation] = (scope.upstream[event.operation] ?? 0) + 1;
  scope.upstreamMs += event.durationMs;
}

export function upstreamTotal(scope: RequestScope): number {
  return Object.values(scope.upstream).reduce((sum, n) => sum + n, 0);
}
