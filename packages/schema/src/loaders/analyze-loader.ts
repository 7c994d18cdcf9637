import DataLoader from 'dataloader';
import { resolveKeys } from '../cache/feature-store.js';
import { inBatchSpan } from './batch-span.js';
import { toGraphQLError } from '../errors/to-graphql-error.js';
import type { ImageRef } from '../image/image-ref.js';
import { type AnalyzeFeature, planAnalyze, splitAnalysis } from './analyze-features.js';
import { cacheKey, type LoaderDeps, ttlFor, upstreamInput } from './loader-deps.js';
import { analyzeTransactions } from '../cost/transaction-meter.js';

export interface AnalyzeKey {
  image: ImageRef;
  feature: AnalyzeFeature;
}

/**
 * One loader for every analyze-family field of a request. DataLoader collects the keys of one tick
 * (all fields, aliases and fragments); the batch groups them by image and makes at most one
 * analyze call per image, for the features neither the cache nor a call in flight can answer.
 */
export function createAnalyzeLoader(deps: LoaderDeps): DataLoader<AnalyzeKey, unknown, string> {
  const keyOf = (k: AnalyzeKey) => cacheKey(k.image.id, 'analyze', k.feature);

  async function loadImage(
    image: ImageRef,
    features: AnalyzeFeature[],
  ): Promise<Promise<unknown>[]> {
    const featureOf = new Map(features.map((f) => [keyOf({ image, feature: f }), f]));
    let billed = 0;
    const results = await resolveKeys(
      deps.cache,
      [...featureOf.keys()],
      async (missing, signal) => {
        const plan = planAnalyze(missing.map((key) => featureOf.get(key) as AnalyzeFeature));
        const analysis = await deps.client.analyze(await upstreamInput(deps, image), {
          ...plan,
          signal,
        });
        billed = plan.visualFeatures.length + plan.details.length;
        deps.meter.spent += billed;
        const parts = splitAnalysis(analysis, plan);
        return new Map([...parts].map(([feature, value]) => [keyOf({ image, feature }), value]));
      },
      ttlFor(deps, image),
      deps.signal,
    );
    // Saved: what one call for every feature asked would have billed, less what ours did.
    void Promise.all(results).then(
      () => (deps.meter.saved += Math.max(0, analyzeTransactions(features) - billed)),
      () => undefined,
    );
    return results;
  }

  return new DataLoader<AnalyzeKey, unknown, string>(
    (keys) =>
      inBatchSpan('analyze', keys.length, async () => {
        // A failing cache (e.g. a shared store down) fails these fields with a coded error too.
        try {
          return await loadBatch(keys);
        } catch (error) {
          return keys.map(() => toGraphQLError(error));
        }
      }),
    { cacheKeyFn: keyOf },
  );

  async function loadBatch(keys: readonly AnalyzeKey[]): Promise<unknown[]> {
    const groups = new Map<string, AnalyzeKey[]>();
    for (const key of keys) groups.set(key.image.id, [...(groups.get(key.image.id) ?? []), key]);
    const pending = new Map<string, Promise<unknown>>();
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const image = (group[0] as AnalyzeKey).image;
        const results = await loadImage(
          image,
          group.map((k) => k.feature),
        );
        group.forEach((k, i) => pending.set(keyOf(k), results[i] as Promise<unknown>));
      }),
    );
    return Promise.all(
      keys.map((k) => (pending.get(keyOf(k)) as Promise<unknown>).catch(toGraphQLError)),
    );
  }
}
