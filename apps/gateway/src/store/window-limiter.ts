import { QueueFullError, type RateLimiter } from '@visiongraph/core';

/** Aborted while waiting for a send slot (core turns it into its AbortError). */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Sleeps `ms` unless `signal` fires first (then rejects with its reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The refusal for a send slot further away than `maxWaitMs`: the request would be past its
 * execution timeout before it could send, so it fails now, saying when a slot will be free.
 */
export function waitTooLong(waiting: number, waitMs: number): QueueFullError {
  return new QueueFullError('upstream rate limit (VISION_MAX_RPS)', waiting, Math.ceil(waitMs));
}

/**
 * In-memory sliding window: at most `limit` sends in any `windowMs`. Each caller reserves the
 * earliest free slot at once and sleeps until it, so waiters leave in arrival order. The same
 * rule as the Redis limiter, for one process without Redis (and during a Redis outage).
 */
export function createWindowLimiter(
  limit: number,
  windowMs = 1_000,
  onWait?: (ms: number) => void,
  maxWaitMs = Number.POSITIVE_INFINITY,
): RateLimiter {
  // Granted send times, oldest first; never more than `limit` plus the callers still waiting.
  const granted: number[] = [];
  return {
    async acquire(signal) {
      const now = Date.now();
      while (granted.length > 0 && (granted[0] as number) <= now - windowMs) granted.shift();
      const at =
        granted.length >= limit
          ? Math.max(now, (granted[granted.length - limit] as number) + windowMs)
          : now;
      // Bounded queue: a caller that could not send before its deadline is refused at once.
      if (at - now > maxWaitMs) throw waitTooLong(granted.filter((t) => t > now).length, at - now);
      granted.push(at);
      if (at <= now) return;
      onWait?.(at - now);
      try {
        await sleep(at - now, signal);
      } catch (error) {
        const i = granted.lastIndexOf(at);
        if (i !== -1) granted.splice(i, 1); // give the slot back
        throw error;
      }
    },
  };
}
