import type { ExecutionResult } from 'graphql';

/**
 * The `Retry-After` header value (whole seconds, rounded up) for a response whose errors say when
 * to come back (`extensions.retryAfterMs`: an open circuit breaker, Azure's 429): the latest of
 * them, since the client can retry nothing sooner. `undefined` when no error says.
 */
export function retryAfterSeconds(results: readonly ExecutionResult[]): number | undefined {
  let latestMs: number | undefined;
  for (const result of results) {
    for (const error of result.errors ?? []) {
      const ms = error.extensions?.['retryAfterMs'];
      // Only a number the schema put there; anything else is not a delay.
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) continue;
      latestMs = Math.max(latestMs ?? 0, ms);
    }
  }
  return latestMs === undefined ? undefined : Math.ceil(latestMs / 1_000);
}
