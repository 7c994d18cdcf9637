import { describe, expect, it } from 'vitest';
import type { FeatureCache } from './feature-cache.js';
import { FailedKey, resolveKeys } from './feature-store.js';
import { createMemoryFeatureCache } from './memory-feature-cache.js';

/** A fetch that answers `<key>!` for each key and records what it was asked. */
function recordingFetch(asked: string[][], gate?: Promise<void>) {
  return async (missing: string[]) => {
    asked.push([...missing]);
    await gate;
    return new Map(missing.map((k) => [k, `${k}!`]));
  };
}

const settle = (promises: Promise<unknown>[]) => Promise.all(promises);

describe('resolveKeys', () => {
  it('fetches only the keys the cache does not have', async () => {
    const cache = createMemoryFeatureCache();
    await cache.set('a', { value: 'cached' });
    const asked: string[][] = [];
    expect(
      await settle(await resolveKeys(cache, ['a', 'b'], recordingFetch(asked), undefined)),
    ).toEqual(['cached', 'b!']);
    expect(asked).toEqual([['b']]);
    expect(
      await settle(await resolveKeys(cache, ['a', 'b'], recordingFetch(asked), undefined)),
    ).toEqual(['cached', 'b!']);
    expect(asked).toHaveLength(1);
  });

  it('joins keys in flight and fetches only the rest', async () => {
    const cache = createMemoryFeatureCache();
    const asked: string[][] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const first = await resolveKeys(
      cache,
      ['tags', 'color'],
      recordingFetch(asked, gate),
      undefined,
    );
    const second = await resolveKeys(cache, ['tags', 'faces'], recordingFetch(asked), undefined);
    open();
    expect(await settle(first)).toEqual(['tags!', 'color!']);
    expect(await settle(second)).toEqual(['tags!', 'faces!']);
    expect(asked).toEqual([['tags', 'color'], ['faces']]);
  });

  it('rejects every key of a failed fetch and caches nothing', async () => {
    const cache = createMemoryFeatureCache();
    const boom = new Error('upstream down');
    const [a, b] = await resolveKeys(
      cache,
      ['a', 'b'],
      async () => Promise.reject(boom),
      undefined,
    );
    await expect(a).rejects.toBe(boom);
    await expect(b).rejects.toBe(boom);
    expect(await cache.get('a')).toBeUndefined();
    const asked: string[][] = [];
    expect(await settle(await resolveKeys(cache, ['a'], recordingFetch(asked), undefined))).toEqual(
      ['a!'],
    );
  });

  it('rejects only a FailedKey, caches the others, and fetches that key again later', async () => {
    const cache = createMemoryFeatureCache();
    const refused = new Error('not in this region');
    const [a, b] = await resolveKeys(
      cache,
      ['a', 'b'],
      async () =>
        new Map<string, unknown>([
          ['a', new FailedKey(refused)],
          ['b', 'b!'],
        ]),
      undefined,
    );
    await expect(a).rejects.toBe(refused);
    expect(await b).toBe('b!');
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toEqual({ value: 'b!' });
    const asked: string[][] = [];
    await settle(await resolveKeys(cache, ['a', 'b'], recordingFetch(asked), undefined));
    expect(asked).toEqual([['a']]);
  });

  it('caches an absent value as null and extra values that came along', async () => {
    const cache = createMemoryFeatureCache();
    const [a] = await resolveKeys(cache, ['a'], async () => new Map([['extra', 1]]), 1000);
    expect(await a).toBeNull();
    expect(await cache.get('a')).toEqual({ value: null });
    expect(await cache.get('extra')).toEqual({ value: 1 });
  });

  it('uses a value stored between its miss and its claim instead of fetching', async () => {
    const inner = createMemoryFeatureCache();
    // Another replica finishes the fetch exactly while this one is claiming.
    const racing: FeatureCache = {
      get: (key) => inner.get(key),
      set: (key, entry, options) => inner.set(key, entry, options),
      claim: async (key, pending) => {
        await inner.set(key, { value: 'from elsewhere' });
        return inner.claim(key, pending);
      },
    };
    const asked: string[][] = [];
    expect(
      await settle(await resolveKeys(racing, ['k'], recordingFetch(asked), undefined)),
    ).toEqual(['from elsewhere']);
    expect(asked).toEqual([]);
  });

  describe('settles every claim it made whatever the store throws', () => {
    /** A memory cache whose chosen method throws once, after doing its work. */
    function failingOnce(method: 'claim' | 'lateGet' | 'set', error: Error) {
      const inner = createMemoryFeatureCache();
      let gets = 0;
      let armed = true;
      const fire = () => {
        if (!armed) return;
        armed = false;
        throw error;
      };
      const cache: FeatureCache = {
        get: async (key) => {
          gets += 1;
          // The second get of a call is the look after claiming.
          if (method === 'lateGet' && gets === 2) fire();
          return inner.get(key);
        },
        set: (key, entry, options) => {
          if (method === 'set') fire();
          return inner.set(key, entry, options);
        },
        claim: async (key, pending) => {
          const claim = await inner.claim(key, pending);
          if (method === 'claim') fire();
          return claim;
        },
      };
      return cache;
    }

    for (const method of ['claim', 'lateGet'] as const) {
      it(`when ${method === 'claim' ? 'claim()' : 'the look after claim()'} throws`, async () => {
        const boom = new Error(`${method} failed`);
        const cache = failingOnce(method, boom);
        const asked: string[][] = [];
        await expect(resolveKeys(cache, ['k'], recordingFetch(asked), undefined)).rejects.toBe(
          boom,
        );
        // The claim registered before the throw is settled, so the next request fetches.
        expect(
          await settle(await resolveKeys(cache, ['k'], recordingFetch(asked), undefined)),
        ).toEqual(['k!']);
        expect(asked).toEqual([['k']]);
      });
    }

    it('when set() throws synchronously after a successful fetch', async () => {
      const cache = failingOnce('set', new Error('store down'));
      const asked: string[][] = [];
      expect(
        await settle(await resolveKeys(cache, ['a', 'b'], recordingFetch(asked), undefined)),
      ).toEqual(['a!', 'b!']);
      // One write was lost, one stored: only the lost key is fetched again.
      expect(
        await settle(await resolveKeys(cache, ['a', 'b'], recordingFetch(asked), undefined)),
      ).toEqual(['a!', 'b!']);
      expect(asked).toEqual([['a', 'b'], ['a']]);
    });

    it('when fetchMissing throws synchronously', async () => {
      const cache = createMemoryFeatureCache();
      const boom = new Error('sync throw');
      const [k] = await resolveKeys(
        cache,
        ['k'],
        () => {
          throw boom;
        },
        undefined,
      );
      await expect(k).rejects.toBe(boom);
      const asked: string[][] = [];
      expect(
        await settle(await resolveKeys(cache, ['k'], recordingFetch(asked), undefined)),
      ).toEqual(['k!']);
    });
  });

  describe('cancellation', () => {
    /** A fetch that holds until `open()`, records its signal and answers `<key>!`. */
    function heldFetch() {
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      const seen: { signal?: AbortSignal; calls: number } = { calls: 0 };
      const fetch = async (missing: string[], signal: AbortSignal) => {
        seen.calls += 1;
        seen.signal = signal;
        await Promise.race([
          gate,
          new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error('aborted upstream'))),
          ),
        ]);
        return new Map(missing.map((k) => [k, `${k}!`]));
      };
      return { fetch, open, seen };
    }

    it('a request that leaves gets ABORTED at once; a joiner keeps the shared fetch alive', async () => {
      const cache = createMemoryFeatureCache();
      const { fetch, open, seen } = heldFetch();
      const owner = new AbortController();
      const [mine] = await resolveKeys(cache, ['k'], fetch, undefined, owner.signal);
      const joiner = new AbortController();
      const [theirs] = await resolveKeys(cache, ['k'], fetch, undefined, joiner.signal);
      owner.abort();
      await expect(mine).rejects.toMatchObject({ kind: 'aborted', code: 'Aborted' });
      expect(seen.signal?.aborted).toBe(false);
      open();
      expect(await theirs).toBe('k!');
      expect(seen.calls).toBe(1);
    });

    it('aborts the upstream fetch when the last waiting request leaves, and caches nothing', async () => {
      const cache = createMemoryFeatureCache();
      const { fetch, seen } = heldFetch();
      const a = new AbortController();
      const b = new AbortController();
      const [fromA, fromA2] = await resolveKeys(cache, ['x', 'y'], fetch, undefined, a.signal);
      const [fromB] = await resolveKeys(cache, ['y'], fetch, undefined, b.signal);
      a.abort();
      expect(seen.signal?.aborted).toBe(false); // b still waits for y
      b.abort();
      expect(seen.signal?.aborted).toBe(true);
      await expect(Promise.all([fromA, fromA2, fromB])).rejects.toMatchObject({ code: 'Aborted' });
      await new Promise((r) => setTimeout(r, 0));
      expect(await cache.get('y')).toBeUndefined();
      // The next request fetches afresh.
      const asked: string[][] = [];
      expect(
        await settle(await resolveKeys(cache, ['y'], recordingFetch(asked), undefined)),
      ).toEqual(['y!']);
    });

    it('a request without a signal never leaves, so the fetch is never aborted', async () => {
      const cache = createMemoryFeatureCache();
      const { fetch, open, seen } = heldFetch();
      const [plain] = await resolveKeys(cache, ['k'], fetch, undefined);
      const leaving = new AbortController();
      const [other] = await resolveKeys(cache, ['k'], fetch, undefined, leaving.signal);
      leaving.abort();
      await expect(other).rejects.toMatchObject({ code: 'Aborted' });
      expect(seen.signal?.aborted).toBe(false);
      open();
      expect(await plain).toBe('k!');
    });

    it('refuses at once for a signal that already fired', async () => {
      const cache = createMemoryFeatureCache();
      const asked: string[][] = [];
      const [k] = await resolveKeys(
        cache,
        ['k'],
        recordingFetch(asked),
        undefined,
        AbortSignal.abort(),
      );
      await expect(k).rejects.toMatchObject({ code: 'Aborted' });
      expect(asked).toEqual([]);
    });
  });
});
