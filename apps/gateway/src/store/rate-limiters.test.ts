import type { RateLimiter } from '@visiongraph/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../test/redis-server.js';
import { createJsonLogger } from '../log/logger.js';
import { createRedisStore, type RedisStore } from './redis-store.js';
import { rateWindow } from './shared-state.js';
import { createSharedRateLimiter } from './shared-rate-limiter.js';
import { createWindowLimiter } from './window-limiter.js';

let redis: RedisServer;
const stores: RedisStore[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await redis?.stop();
});

async function sharedLimiter(
  limit: number,
  maxWaitMs?: number,
  keyPrefix?: string,
): Promise<RateLimiter> {
  const store = createRedisStore(
    { url: redis.url, ...(keyPrefix && { keyPrefix }) },
    createJsonLogger({ level: 'silent' }),
  );
  stores.push(store);
  await store.whenReady(5_000);
  return createSharedRateLimiter(store, limit, 1_000, undefined, maxWaitMs);
}

/** When each of `n` acquires spread round-robin over `limiters` was let through, in ms from start. */
async function grantTimes(limiters: RateLimiter[], n: number): Promise<number[]> {
  const start = Date.now();
  const times = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      await (limiters[i % limiters.length] as RateLimiter).acquire();
      return Date.now() - start;
    }),
  );
  return times.sort((a, b) => a - b);
}

/** Most grants inside any window of `ms` (timers fire late, never early: a 50 ms margin). */
function busiestWindow(times: number[], ms: number): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));
}

describe('upstream rate limit (VISION_MAX_RPS)', () => {
  it('refuses at once a send slot further away than maxWaitMs, saying when one is free', async () => {
    const limiters = [
      createWindowLimiter(1, 1_000, undefined, 1_500),
      await sharedLimiter(1, 1_500, 'vg-bounded-wait:'),
    ];
    for (const limiter of limiters) {
      await limiter.acquire(); // now
      const second = limiter.acquire(); // in 1 s: within the bound, waits
      const started = Date.now();
      // The third slot is 2 s away, past the 1.5 s bound: refused before any wait.
      await expect(limiter.acquire()).rejects.toMatchObject({
        name: 'QueueFullError',
        code: 'QueueFull',
        message:
          'upstream rate limit (VISION_MAX_RPS): 1 calls are already waiting; try again later',
      });
      const refused = await limiter.acquire().then(
        () => undefined,
        (e: { retryAfterMs?: number }) => e,
      );
      expect(refused?.retryAfterMs).toBeGreaterThan(1_500);
      expect(refused?.retryAfterMs).toBeLessThanOrEqual(2_000);
      expect(Date.now() - started).toBeLessThan(200);
      await second;
      // The refused caller took no slot: the next one goes a second after the second.
      const next = Date.now();
      await limiter.acquire();
      expect(Date.now() - next).toBeLessThan(1_200);
    }
  });

  it('lets at most 4 per second through two replicas sharing Redis', async () => {
    const times = await grantTimes([await sharedLimiter(4), await sharedLimiter(4)], 12);
    expect(times.slice(0, 4).every((t) => t < 200)).toBe(true); // the first second's 4 at once
    expect(times[11]).toBeGreaterThanOrEqual(2_000 - 50); // (12 - 4) / 4 s
    expect(busiestWindow(times, 950)).toBe(4);
  });

  it('applies the same rule in memory, and gives an aborted wait its slot back', async () => {
    const limiter = createWindowLimiter(2, 500);
    const times = await grantTimes([limiter], 6);
    expect(times[5]).toBeGreaterThanOrEqual(1_000 - 50);
    expect(busiestWindow(times, 450)).toBe(2);

    const fresh = createWindowLimiter(1, 10_000);
    await fresh.acquire();
    const abort = new AbortController();
    const waiting = fresh.acquire(abort.signal);
    abort.abort();
    await expect(waiting).rejects.toThrow();
  });

  it('turns fractional rates into longer windows', () => {
    expect(rateWindow(4)).toEqual({ limit: 4, windowMs: 1_000 });
    expect(rateWindow(20 / 60)).toEqual({ limit: 1, windowMs: 3_000 });
    expect(rateWindow(2.5)).toEqual({ limit: 2, windowMs: 800 });
  });
});
