import { AbortError } from '../../src/errors/error-classes.js';
import type { Clock } from '../../src/http/clock.js';

/**
 * A clock whose sleeps return at once but move `now()` forward, so tests see the exact delays
 * the client asked for (Retry-After, backoff, polling) without waiting them out.
 */
export function recordingClock(opts: { virtual?: boolean } = {}): {
  clock: Clock;
  sleeps: number[];
} {
  // virtual: time moves only by sleeps, so waits computed from now() do not depend on machine load.
  const base = opts.virtual ? () => 0 : () => performance.now();
  let offset = 0;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => base() + offset,
    async sleep(ms, signal) {
      if (signal?.aborted) throw new AbortError();
      sleeps.push(ms);
      offset += ms;
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw new AbortError();
    },
  };
  return { clock, sleeps };
}
