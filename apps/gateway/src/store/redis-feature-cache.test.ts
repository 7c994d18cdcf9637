import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../test/redis-server.js';
import { createJsonLogger } from '../log/logger.js';
import { createRedisFeatureCache } from './redis-feature-cache.js';
import { createRedisStore, type RedisStore, type RedisStoreOptions } from './redis-store.js';

const silent = createJsonLogger({ level: 'silent' });
let redis: RedisServer;
const stores: RedisStore[] = [];

/** One "replica": its own connections, as a separate process would have. */
async function replica(options: Partial<RedisStoreOptions> = {}) {
  const errors: string[] = [];
  const store = createRedisStore({ url: redis.url, keyPrefix: 'test:', ...options }, silent, {
    storeError: (op) => errors.push(op),
    storeUp: () => undefined,
  });
  stores.push(store);
  expect(await store.whenReady(5_000)).toBe(true);
  return { store, errors, cache: createRedisFeatureCache(store, { pollMs: 50 }) };
}

function deferred() {
  let resolve!: (v: unknown) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<unknown>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await redis?.stop();
});

describe('Redis feature cache', () => {
  it("serves one replica's entries to another, with the TTL asked for", async () => {
    const a = await replica();
    const b = await replica();
    await a.cache.set('["u1","analyze","Tags"]', { value: [{ name: 'dog' }] }, { ttlMs: 60_000 });
    await a.cache.set('["sha","analyze","Tags"]', { value: null });
    expect(await b.cache.get('["u1","analyze","Tags"]')).toEqual({ value: [{ name: 'dog' }] });
    expect(await b.cache.get('["sha","analyze","Tags"]')).toEqual({ value: null });
    expect(await b.cache.get('["other"]')).toBeUndefined();
    // Redis holds hashed key names (no URL), one with an expiry and one without.
    const ttls = await a.store.run('test', async (c) => {
      const keys = await c.keys('test:f:*');
      return Promise.all(keys.map((k) => c.pTTL(k)));
    });
    expect(ttls?.sort((x, y) => x - y)).toEqual([-1, expect.any(Number)]);
    expect(ttls?.[1]).toBeGreaterThan(50_000);
  });

  it('lets one replica fetch a key while the other waits for its value', async () => {
    const a = await replica();
    const b = await replica();
    const mine = deferred();
    const claimA = await a.cache.claim('k1', mine.promise);
    expect(claimA.owner).toBe(true);
    // B claims while A works: it must not become an owner.
    const claimB = b.cache.claim('k1', deferred().promise);
    await new Promise((r) => setTimeout(r, 150));
    // A caches first, then settles (as the schema does); B then answers from the cache.
    await a.cache.set('k1', { value: 'from A' });
    mine.resolve('from A');
    const joined = await claimB;
    expect(joined.owner).toBe(false);
    expect(await joined.pending).toBe('from A');
  });

  it('releases the lease at once when the fetch fails, and the waiter fetches', async () => {
    const a = await replica({ leaseMs: 30_000 });
    const b = await replica({ leaseMs: 30_000 });
    const mine = deferred();
    expect((await a.cache.claim('k2', mine.promise)).owner).toBe(true);
    const claimB = b.cache.claim('k2', deferred().promise);
    const started = Date.now();
    mine.reject(new Error('upstream down'));
    expect((await claimB).owner).toBe(true);
    // Long before the 30 s lease would have expired.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await a.cache.get('k2')).toBeUndefined();
  });

  it('takes over the lease of a replica that died holding it', async () => {
    const a = await replica({ leaseMs: 400 });
    const b = await replica({ leaseMs: 400 });
    expect((await a.cache.claim('k3', deferred().promise)).owner).toBe(true);
    await a.store.close(); // dies without releasing, and stops renewing
    const claim = await b.cache.claim('k3', deferred().promise);
    expect(claim.owner).toBe(true);
  });

  it('joins a fetch of its own process without asking Redis', async () => {
    const a = await replica();
    const mine = deferred();
    expect((await a.cache.claim('k4', mine.promise)).owner).toBe(true);
    const second = await a.cache.claim('k4', deferred().promise);
    expect(second.owner).toBe(false);
    mine.resolve(7);
    expect(await second.pending).toBe(7);
  });
});

describe('Redis store outages', () => {
  it('answers without Redis when it is frozen or killed, and shares again once it is back', async () => {
    const a = await replica({ timeoutMs: 100, retryMs: 200 });
    await a.cache.set('k5', { value: 1 });

    redis.freeze();
    const t0 = Date.now();
    expect(await a.cache.get('k5')).toBeUndefined(); // a miss, not a hang
    expect((await a.cache.claim('k6', deferred().promise)).owner).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(a.errors.length).toBeGreaterThan(0);
    expect(await a.store.health()).toMatchObject({ ok: false });
    redis.thaw();

    await redis.kill();
    expect(await a.cache.get('k5')).toBeUndefined();
    await a.cache.set('k7', { value: 2 }); // dropped, no throw
    expect((await a.cache.claim('k8', deferred().promise)).owner).toBe(true);

    await redis.restart();
    const b = await replica();
    // a reconnects by itself (no restart); what it writes now, b reads.
    for (let i = 0; i < 100 && !(await a.store.health()).ok; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 250)); // past retryMs
    await a.cache.set('k9', { value: 'back' });
    expect(await b.cache.get('k9')).toEqual({ value: 'back' });
  });
});
