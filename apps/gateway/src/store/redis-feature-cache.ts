import { randomUUID } from 'node:crypto';
import type { FeatureCache, InFlightClaim } from '@visiongraph/schema';
import { RELEASE_LEASE, RENEW_LEASE } from './lua-scripts.js';
import type { RedisStore } from './redis-store.js';
import { storeKeys } from './store-keys.js';

/** How the claims of this replica went, for metrics. */
export interface LeaseObserver {
  /** `owner`: this replica fetches; `joined`: another's fetch answered; `taken_over`: its owner failed or died. */
  claim(outcome: 'owner' | 'joined' | 'taken_over' | 'local'): void;
}

export interface RedisFeatureCacheOptions {
  /** Fallback poll while waiting on another replica's lease (pub/sub may miss a message), ms. @default 250 */
  pollMs?: number;
  /** Longest wait on other replicas for one key before fetching it anyway, ms. @default 150000 */
  maxWaitMs?: number;
  observer?: LeaseObserver;
}

type Outcome = { owner: true; token: string | undefined } | { owner: false; value: unknown };

/**
 * FeatureCache on the shared Redis. Values are JSON under `<prefix>f:<hash>` with the TTL the
 * schema asks for. A miss is fetched by one replica: the first to claim a key holds a lease
 * (SET NX PX, renewed while it works); the others wait for its value (pub/sub, with a bounded
 * poll) instead of calling upstream. A failed fetch releases the lease at once and the next
 * waiter fetches; a lease whose owner died expires and is taken over. When Redis is down or slow
 * every operation falls back to this process alone (a miss, a local claim).
 */
export function createRedisFeatureCache(
  store: RedisStore,
  options: RedisFeatureCacheOptions = {},
): FeatureCache {
  const { keyPrefix, leaseMs } = store.options;
  const pollMs = options.pollMs ?? 250;
  const maxWaitMs = options.maxWaitMs ?? 150_000;
  const observer = options.observer;
  // Fetches of this process, joined locally without asking Redis.
  const inFlight = new Map<string, Promise<unknown>>();
  // Waiters on other replicas' leases, by key id; woken by the `done` message.
  const wakers = new Map<string, Set<() => void>>();
  store.listen((kind, id) => {
    if (kind !== 'done') return;
    for (const wake of wakers.get(id) ?? []) wake();
  });

  const parse = (raw: string | null | undefined): { value: unknown } | undefined => {
    if (raw === null || raw === undefined) return undefined;
    try {
      return { value: JSON.parse(raw) };
    } catch {
      return undefined; // not ours or truncated: a miss, fetched and rewritten
    }
  };

  // Until `done` for id arrives or `ms` passes.
  const sleepUntilDone = (id: string, ms: number) =>
    new Promise<void>((resolve) => {
      const set = wakers.get(id) ?? new Set();
      wakers.set(id, set);
      const wake = () => {
        clearTimeout(timer);
        set.delete(wake);
        if (set.size === 0) wakers.delete(id);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      set.add(wake);
    });

  async function acquireOrJoin(cacheKey: string): Promise<Outcome> {
    const keys = storeKeys(keyPrefix, cacheKey);
    const token = randomUUID();
    const giveUpAt = Date.now() + maxWaitMs;
    const lookup = async (): Promise<Outcome | undefined> => {
      const hit = parse(await store.run('get', (c) => c.get(keys.value)));
      if (!hit) return undefined;
      observer?.claim('joined');
      return { owner: false, value: hit.value };
    };
    for (let waited = false; ; waited = true) {
      // After a wake-up the value is usually there: look before trying for the lease.
      const early = waited ? await lookup() : undefined;
      if (early) return early;
      const got = await store.run('claim', (c) =>
        c.set(keys.lease, token, { condition: 'NX', expiration: { type: 'PX', value: leaseMs } }),
      );
      if (got === undefined) return { owner: true, token: undefined }; // store down: fetch here
      if (got === 'OK') {
        observer?.claim(waited ? 'taken_over' : 'owner');
        return { owner: true, token };
      }
      // Another replica owns it; it may have finished since our miss.
      const joined = await lookup();
      if (joined) return joined;
      if (Date.now() >= giveUpAt) return { owner: true, token: undefined };
      await sleepUntilDone(keys.id, pollMs);
    }
  }

  // Renews the lease while `pending` runs; then releases it and wakes the waiters.
  function holdLease(cacheKey: string, token: string, pending: Promise<unknown>): void {
    const keys = storeKeys(keyPrefix, cacheKey);
    const renew = setInterval(
      () =>
        store.runInBackground('renew', (c) =>
          c.eval(RENEW_LEASE, { keys: [keys.lease], arguments: [token, String(leaseMs)] }),
        ),
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    renew.unref();
    const release = () => {
      clearInterval(renew);
      store.runInBackground('release', (c) =>
        c.eval(RELEASE_LEASE, {
          keys: [keys.lease],
          arguments: [token, `${keyPrefix}events`, `done ${keys.id}`],
        }),
      );
    };
    pending.then(release, release);
  }

  return {
    async get(cacheKey) {
      return parse(await store.run('get', (c) => c.get(storeKeys(keyPrefix, cacheKey).value)));
    },
    async set(cacheKey, entry, setOptions = {}) {
      const key = storeKeys(keyPrefix, cacheKey).value;
      const json = JSON.stringify(entry.value ?? null);
      const ttl = setOptions.ttlMs;
      await store.run('set', (c) =>
        ttl === undefined
          ? c.set(key, json)
          : c.set(key, json, { expiration: { type: 'PX', value: Math.max(1, Math.round(ttl)) } }),
      );
    },
    async claim(cacheKey, pending): Promise<InFlightClaim> {
      const local = inFlight.get(cacheKey);
      if (local) {
        observer?.claim('local');
        return { pending: local, owner: false };
      }
      // Joiners in this process share whatever this claim ends up with.
      let settle!: { resolve(v: unknown): void; reject(e: unknown): void };
      const shared = new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }));
      shared.catch(() => undefined);
      inFlight.set(cacheKey, shared);
      const drop = () => {
        if (inFlight.get(cacheKey) === shared) inFlight.delete(cacheKey);
      };
      shared.then(drop, drop);
      const outcome = await acquireOrJoin(cacheKey);
      if (!outcome.owner) {
        settle.resolve(outcome.value);
        return { pending: shared, owner: false };
      }
      pending.then(settle.resolve, settle.reject);
      if (outcome.token) holdLease(cacheKey, outcome.token, pending);
      return { pending, owner: true };
    },
  };
}
