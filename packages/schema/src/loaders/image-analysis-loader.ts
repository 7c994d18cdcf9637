import type { ImageAnalysisFeature, ImageAnalysisResult } from '@visiongraph/core';
import DataLoader from 'dataloader';
import { FailedKey, resolveKeys } from '../cache/feature-store.js';
import { readPages40 } from '../convert/image-analysis.js';
import type { ImageRef } from '../image/image-ref.js';
import { cacheKey, type LoaderDeps, ttlFor, upstreamInput } from './loader-deps.js';
import { loadByImage } from './per-image-batch.js';

/** One cacheable part of an Image Analysis 4.0 answer. */
export type Ia40Part =
  | { kind: 'caption' | 'denseCaptions'; neutral: boolean }
  | { kind: 'tags' | 'objects' | 'people' | 'read' }
  /** One crop per ratio, or the one Azure picks itself (`auto`). */
  | { kind: 'smartCrop'; ratio: number | 'auto' };

export interface ImageAnalysisKey {
  image: ImageRef;
  part: Ia40Part;
}

const FEATURE: Record<Ia40Part['kind'], ImageAnalysisFeature> = {
  caption: 'caption',
  denseCaptions: 'denseCaptions',
  tags: 'tags',
  objects: 'objects',
  people: 'people',
  read: 'read',
  smartCrop: 'smartCrops',
};

/** The cache key of a part: under `imageAnalysis`, never mixed with v3.2's `analyze` entries. */
export function partKey(imageId: string, part: Ia40Part): string {
  if (part.kind === 'caption' || part.kind === 'denseCaptions')
    return cacheKey(imageId, 'imageAnalysis', part.kind, part.neutral);
  if (part.kind === 'smartCrop') return cacheKey(imageId, 'imageAnalysis', 'smartCrop', part.ratio);
  return cacheKey(imageId, 'imageAnalysis', part.kind);
}

interface Call {
  parts: Ia40Part[];
  neutral: boolean;
  ratios: number[] | undefined;
}

/**
 * The fewest 4.0 calls that answer `parts`: normally one. Only two options split them: captions
 * both with and without gender-neutral wording, and Azure's own crop beside crops at given ratios.
 */
export function planCalls(parts: readonly Ia40Part[]): Call[] {
  const captionLike = parts.filter((p) => p.kind === 'caption' || p.kind === 'denseCaptions');
  const neutral = captionLike.length > 0 && captionLike.every((p) => 'neutral' in p && p.neutral);
  const ratios = parts.flatMap((p) =>
    p.kind === 'smartCrop' && p.ratio !== 'auto' ? [p.ratio] : [],
  );
  const base: Call = {
    parts: [],
    neutral,
    ratios: ratios.length ? [...new Set(ratios)] : undefined,
  };
  const otherCaptions: Call = { parts: [], neutral: !neutral, ratios: undefined };
  const autoCrop: Call = { parts: [], neutral, ratios: undefined };
  for (const p of parts) {
    if ('neutral' in p && p.neutral !== neutral) otherCaptions.parts.push(p);
    else if (p.kind === 'smartCrop' && p.ratio === 'auto' && base.ratios) autoCrop.parts.push(p);
    else base.parts.push(p);
  }
  return [base, otherCaptions, autoCrop].filter((c) => c.parts.length > 0);
}

/** The 4.0 features one call asks for: Azure bills one transaction per feature per image. */
const featuresOf = (call: Call): ImageAnalysisFeature[] => [
  ...new Set(call.parts.map((p) => FEATURE[p.kind])),
];

/** What answering `parts` with no cache would bill. */
export function imageAnalysisTransactions(parts: readonly Ia40Part[]): number {
  return planCalls(parts).reduce((sum, call) => sum + featuresOf(call).length, 0);
}

/** The value of one part in an answer (null when Azure left the part out). */
function valueOf(result: ImageAnalysisResult, part: Ia40Part): unknown {
  switch (part.kind) {
    case 'caption':
      return result.captionResult ?? null;
    case 'denseCaptions':
      return result.denseCaptionsResult?.values ?? null;
    case 'tags':
      return result.tagsResult?.values ?? null;
    case 'objects':
      return result.objectsResult?.values ?? null;
    case 'people':
      return result.peopleResult?.values ?? null;
    case 'read':
      return result.readResult ? readPages40(result.readResult, result.metadata) : null;
    case 'smartCrop': {
      const crops = result.smartCropsResult?.values ?? [];
      if (part.ratio === 'auto') return crops[0] ?? null;
      const ratio = part.ratio;
      // Azure may round the ratio it echoes: take the nearest.
      const nearest = [...crops].sort(
        (a, b) => Math.abs(a.aspectRatio - ratio) - Math.abs(b.aspectRatio - ratio),
      )[0];
      return nearest && Math.abs(nearest.aspectRatio - ratio) < 0.01 ? nearest : null;
    }
  }
}

const isCaption = (p: Ia40Part): boolean => p.kind === 'caption' || p.kind === 'denseCaptions';

/** A part's cache key and its value (or its own failure). */
type Answer = readonly [string, unknown];

/** The answers of parts that failed on their own with `error` (not cached, retried next time). */
const failedParts = (imageId: string, parts: Ia40Part[], error: unknown): Answer[] =>
  parts.map((p) => [partKey(imageId, p), new FailedKey(error)]);

/**
 * Makes `call`. A region without 4.0 captions refuses a call that asks for them as a whole (and
 * bills nothing): then the call is made once more without them, with the other features and
 * every smart-crop ratio, and only the caption parts get the refusal.
 */
async function withoutCaptionsIfRefused(
  deps: LoaderDeps,
  imageId: string,
  call: Call,
  make: (call: Call) => Promise<Answer[]>,
): Promise<Answer[]> {
  try {
    return await make(call);
  } catch (error) {
    const captions = call.parts.filter(isCaption);
    if (captions.length === 0 || !deps.visionApi.learnCaptionRefusal(error)) throw error;
    const refused = failedParts(imageId, captions, error);
    const rest = call.parts.filter((p) => !isCaption(p));
    if (rest.length === 0) return refused;
    try {
      return [...refused, ...(await make({ ...call, parts: rest, neutral: false }))];
    } catch (retryError) {
      return [...refused, ...failedParts(imageId, rest, retryError)];
    }
  }
}

/**
 * One loader for every Image Analysis 4.0 part of a request: per image, one
 * `imageanalysis:analyze` call for all the 4.0 features asked that neither the cache nor a call
 * in flight can answer (see planCalls for the rare second call, withoutCaptionsIfRefused for
 * a region without 4.0 captions).
 */
export function createImageAnalysisLoader(
  deps: LoaderDeps,
): DataLoader<ImageAnalysisKey, unknown, string> {
  const keyOf = (k: ImageAnalysisKey) => partKey(k.image.id, k.part);

  async function loadImage(image: ImageRef, parts: Ia40Part[]): Promise<Promise<unknown>[]> {
    const partOf = new Map(parts.map((p) => [partKey(image.id, p), p]));
    let billed = 0;
    const results = await resolveKeys(
      deps.cache,
      [...partOf.keys()],
      async (missing, signal) => {
        const wanted = missing.map((key) => partOf.get(key) as Ia40Part);
        // Once the region is known to lack 4.0 captions, they are not asked for at all.
        const refusal = deps.visionApi.captionRefusal();
        const known = refusal ? failedParts(image.id, wanted.filter(isCaption), refusal) : [];
        const calls = planCalls(refusal ? wanted.filter((p) => !isCaption(p)) : wanted);
        const input = calls.length > 0 ? await upstreamInput(deps, image) : '';
        const make = async (call: Call): Promise<Answer[]> => {
          const features = featuresOf(call);
          const result = await deps.client.analyzeImage(input, {
            features,
            ...(call.neutral && { genderNeutralCaption: true }),
            ...(call.ratios && { smartCropsAspectRatios: call.ratios }),
            signal,
          });
          // Billed only when answered: a refused or failed call costs nothing.
          billed += features.length;
          deps.meter.spent += features.length;
          return call.parts.map((p): Answer => [partKey(image.id, p), valueOf(result, p)]);
        };
        const answers = await Promise.all(
          calls.map((call) => withoutCaptionsIfRefused(deps, image.id, call, make)),
        );
        return new Map([...known, ...answers.flat()]);
      },
      ttlFor(deps, image),
      deps.signal,
    );
    // Saved: what the calls for every part answered would have billed, less what ours did.
    const asked = [...partOf.values()];
    void Promise.allSettled(results).then(
      (settled) => {
        const answered = asked.filter((_, i) => settled[i]?.status === 'fulfilled');
        deps.meter.saved += Math.max(0, imageAnalysisTransactions(answered) - billed);
      },
      () => undefined,
    );
    return results;
  }

  return new DataLoader<ImageAnalysisKey, unknown, string>(
    (keys) =>
      loadByImage(keys, keyOf, (image, group) =>
        loadImage(
          image,
          group.map((k) => k.part),
        ),
      ),
    { cacheKeyFn: keyOf },
  );
}
