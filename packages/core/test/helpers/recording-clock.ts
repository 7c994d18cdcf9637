import { AbortError } from '../../src/errors/error-classes.js';
import type { Clock } from '../../src/http/clock.js';

/**
 * A clock whose sleeps return at once but move `now()` forward, so tests see the exact delays
 * the client asked for (Retry-After, backoff, polling) without waiting them out.
 */
export function recordingClock(): { clock: Clock; sleeps: number[] } {
  let offset = 0;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => performance.now() + offset,
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
