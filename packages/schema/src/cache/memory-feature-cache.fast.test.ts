import { describe, expect, it } from 'vitest';
import { createMemoryFeatureCache, entrySize } from './memory-feature-cache.js';

describe('createMemoryFeatureCache', () => {
  it('stays under its byte bound by evicting the least recently used entries', async () => {
    const value = 'x'.repeat(1000);
    const one = entrySize('k0', { value });
    const cache = createMemoryFeatureCache({ maxBytes: one * 3 });
    for (let i = 0; i < 3; i++) await cache.set(`k${i}`, { value });
    await cache.get('k0'); // now k1 is the least recently used
    await cache.set('k3', { value });
    expect(cache.size).toBeLessThanOrEqual(one * 3);
    expect(await cache.get('k1')).toBeUndefined();
    expect(await cache.get('k0')).toEqual({ value });
    expect(await cache.get('k3')).toEqual({ value });
  });

  it('does not keep an entry larger than the whole cache', async () => {
    const cache = createMemoryFeatureCache({ maxBytes: 100 });
    await cache.set('big', { value: 'y'.repeat(500) });
    expect(await cache.get('big')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('expires entries with a TTL and keeps those without', async () => {
    let now = 1_000;
    const cache = createMemoryFeatureCache({ now: () => now });
    await cache.set('url', { value: 1 }, { ttlMs: 1_000 });
    await cache.set('upload', { value: 2 });
    now += 1_000; // the TTL ends: still there at exactly 1 s
    expect(await cache.get('url')).toEqual({ value: 1 });
    now += 1;
    expect(await cache.get('url')).toBeUndefined();
    now += 1_000_000;
    expect(await cache.get('upload')).toEqual({ value: 2 });
  });

  it('lets the first claimant own a key in flight and the others join it until it settles', async () => {
    const cache = createMemoryFeatureCache();
    let resolve!: (v: unknown) => void;
    const mine = new Promise((r) => (resolve = r));
    const first = await cache.claim('k', mine);
    const second = await cache.claim('k', Promise.resolve('other'));
    expect(first.owner).toBe(true);
    expect(second.owner).toBe(false);
    resolve(42);
    expect(await second.pending).toBe(42);
    await new Promise((r) => setTimeout(r, 0));
    expect((await cache.claim('k', Promise.resolve(1))).owner).toBe(true);
  });

  it('validates maxBytes', () => {
    expect(() => createMemoryFeatureCache({ maxBytes: 0 })).toThrow(/maxBytes/);
  });
});
