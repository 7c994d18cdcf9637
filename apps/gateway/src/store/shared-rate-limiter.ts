import { randomUUID } from 'node:crypto';
import type { RateLimiter } from '@visiongraph/core';
import { RESERVE_SEND } from './lua-scripts.js';
import type { RedisStore } from './redis-store.js';
import { createWindowLimiter, sleep, waitTooLong } from './window-limiter.js';

/**
 * The upstream rate limit shared by every replica on one Redis: at most `limit` sends in any
 * `windowMs`, summed over the replicas (Azure's quota is per key). One atomic Lua call reserves a
 * slot and says how long to wait, or reserves nothing when that is past `maxWaitMs`. While Redis is unavailable each replica applies the same limit
 * on its own (the sum may then exceed it; core retries the 429s Azure answers).
 */
export function createSharedRateLimiter(
  store: RedisStore,
  limit: number,
  windowMs: number,
  onWait?: (ms: number) => void,
  maxWaitMs = Number.POSITIVE_INFINITY,
): RateLimiter {
  const key = `${store.options.keyPrefix}ratelimit`;
  const local = createWindowLimiter(limit, windowMs, onWait, maxWaitMs);
  const maxWait = Number.isFinite(maxWaitMs) ? String(Math.floor(maxWaitMs)) : '-1';
  return {
    async acquire(signal) {
      const member = randomUUID();
      const reply = await store.run('ratelimit', (c) =>
        c.eval(RESERVE_SEND, {
          keys: [key],
          arguments: [String(limit), String(windowMs), member, maxWait],
        }),
      );
      if (!Array.isArray(reply) || typeof reply[0] !== 'number') return local.acquire(signal);
      const [waitMs, waiting, granted] = reply as [number, number, 0 | 1];
      // Beyond the longest wait the script took no slot: nothing to hand back.
      if (granted === 0) throw waitTooLong(waiting, waitMs);
      if (waitMs <= 0) return;
      onWait?.(waitMs);
      try {
        await sleep(waitMs, signal);
      } catch (error) {
        // Best effort: hand the slot back so the other replicas can use it.
        store.runInBackground('ratelimit', (c) => c.zRem(key, member));
        throw error;
      }
    },
  };
}
