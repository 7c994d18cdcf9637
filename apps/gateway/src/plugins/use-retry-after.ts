import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { retryAfterSeconds } from '../errors/retry-after.js';

/**
 * Adds a standard `Retry-After` header to a response whose errors carry `extensions.retryAfterMs`,
 * so HTTP clients and proxies know when to come back without reading the body. A streamed
 * (@defer) response sends its headers before its errors exist, so it gets none.
 */
export function useRetryAfter(): Plugin {
  const secondsOf = new WeakMap<Request, number>();
  return {
    onResultProcess({ request, result }) {
      if (Symbol.asyncIterator in Object(result)) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      const seconds = retryAfterSeconds(results);
      if (seconds !== undefined) secondsOf.set(request, seconds);
    },
    onResponse({ request, response }) {
      const seconds = secondsOf.get(request);
      if (seconds !== undefined) response.headers.set('retry-after', String(seconds));
    },
  };
}
