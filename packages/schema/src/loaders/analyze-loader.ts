import DataLoader from 'dataloader';
import { resolveKeys } from '../cache/feature-store.js';
import { inBatchSpan } from './batch-span.js';
import { loadByImage } from './per-image-batch.js';
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
      inBatchSpan('analyze', keys.length, () =>
        loadByImage(keys, keyOf, (image, group) =>
          loadImage(
            image,
            group.map((k) => k.feature),
          ),
        ),
      ),
    { cacheKeyFn: keyOf },
  );
}
