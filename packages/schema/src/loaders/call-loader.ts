import DataLoader from 'dataloader';
import { resolveKeys } from '../cache/feature-store.js';
import { inBatchSpan } from './batch-span.js';
import { toGraphQLError } from '../errors/to-graphql-error.js';
import type { ImageRef } from '../image/image-ref.js';
import { type LoaderDeps, ttlFor } from './loader-deps.js';

export interface CallSpec<K> {
  /** Names the loader in traces (`dataloader <name>`). @default 'call' */
  name?: string;
  /** The cache key of one call's result (see `cacheKey`). */
  keyOf(key: K): string;
  /** The image a key is about (decides the TTL); `undefined` for image-less calls such as models. */
  imageOf(key: K): ImageRef | undefined;
  /**
   * The upstream call; its result must be JSON-serialisable. `signal` fires when no request
   * waits for the result any more.
   */
  call(key: K, signal: AbortSignal): Promise<unknown>;
  /** Azure transactions a result of this call billed. @default 1 */
  transactions?(result: unknown): number;
}

/**
 * A loader for operations that answer one key per call (thumbnail, ocr, read, describe...):
 * DataLoader removes duplicates within the request, the cache and in-flight sharing across requests.
 */
export function createCallLoader<K>(
  deps: LoaderDeps,
  spec: CallSpec<K>,
): DataLoader<K, unknown, string> {
  return new DataLoader<K, unknown, string>(
    (keys) =>
      inBatchSpan(spec.name ?? 'call', keys.length, () =>
        Promise.all(
          keys.map(async (key) => {
            const id = spec.keyOf(key);
            const cost = (value: unknown) => spec.transactions?.(value) ?? 1;
            let called = false;
            try {
              const [result] = await resolveKeys(
                deps.cache,
                [id],
                async (_missing, signal) => {
                  called = true;
                  const value = await spec.call(key, signal);
                  deps.meter.spent += cost(value);
                  return new Map([[id, value]]);
                },
                ttlFor(deps, spec.imageOf(key)),
                deps.signal,
              );
              const value = await (result as Promise<unknown>);
              // Settled without a call of ours: the cache or another request's call answered it.
              if (!called) deps.meter.saved += cost(value);
              return value;
            } catch (error) {
              return toGraphQLError(error);
            }
          }),
        ),
      ),
    { cacheKeyFn: spec.keyOf },
  );
}
