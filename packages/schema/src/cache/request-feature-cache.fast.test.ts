import { describe, expect, it } from 'vitest';
import { createRequestFeatureCache } from './request-feature-cache.js';

describe('request feature cache', () => {
  it('keeps what was set and shares a fetch in flight until it settles', async () => {
    const cache = createRequestFeatureCache();
    await cache.set('a', { value: { n: 1 } });
    expect(await cache.get('a')).toEqual({ value: { n: 1 } });
    expect(await cache.get('b')).toBeUndefined();

    let settle!: (v: unknown) => void;
    const first = new Promise((resolve) => (settle = resolve));
    expect((await cache.claim('b', first)).owner).toBe(true);
    const joined = await cache.claim('b', Promise.resolve('other'));
    expect(joined).toEqual({ pending: first, owner: false });
    settle('done');
    await first;
    await Promise.resolve();
    expect((await cache.claim('b', Promise.resolve('next'))).owner).toBe(true);
  });

  it('lets the next claim fetch again after a failure', async () => {
    const cache = createRequestFeatureCache();
    const failing = Promise.reject(new Error('upstream down'));
    failing.catch(() => undefined);
    expect((await cache.claim('k', failing)).owner).toBe(true);
    await failing.catch(() => undefined);
    await Promise.resolve();
    expect((await cache.claim('k', Promise.resolve(1))).owner).toBe(true);
  });
});
