import { AbortError } from '../errors/error-classes.js';

/**
 * Time source for retries, rate limiting and polling. Tests inject one to observe the
 * delays the client asks for without waiting them out.
 */
export interface Clock {
  /** Milliseconds, monotonic enough for measuring elapsed time. */
  now(): number;
  /** Resolves after `ms`, or rejects with AbortError when `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function abortError(signal: AbortSignal | undefined, operation?: string): AbortError {
  const reason: unknown = signal?.reason;
  const why = reason instanceof Error && reason.name !== 'AbortError' ? `: ${reason.message}` : '';
  return new AbortError(`${operation ? `${operation}: ` : ''}The operation was aborted${why}`, {
    ...(operation !== undefined && { operation }),
  });
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortError(signal));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
