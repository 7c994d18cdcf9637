import {
  DetailsValues,
  VisualFeatureTypesValues,
  type Details,
  type ImageAnalysis,
  type VisualFeatureTypes,
} from '@visiongraph/core';

/** Visual features in the spec's order, so the `visualFeatures` query value is deterministic. */
export const VISUAL_FEATURES: readonly VisualFeatureTypes[] = VisualFeatureTypesValues;
export const DETAILS: readonly Details[] = DetailsValues;

/** One cacheable part of an analyze response. `Metadata` rides on every call. */
export type AnalyzeFeature = VisualFeatureTypes | Details | 'Metadata';

/** Every part an analyze answer is cached under (the features of its cache keys). */
export const ANALYZE_FEATURES: readonly AnalyzeFeature[] = [
  ...VISUAL_FEATURES,
  ...DETAILS,
  'Metadata',
];

/**
 * When only width/height/format are asked, analyze must still name a feature. ImageType is the
 * cheapest to compute (no model), bills one transaction like any other, and its result is cached,
 * so a later `imageType` is free. (A bare analyze would default to Categories, which is no cheaper.)
 */
export const METADATA_CARRIER: VisualFeatureTypes = 'ImageType';

export interface AnalyzePlan {
  visualFeatures: VisualFeatureTypes[];
  details: Details[];
}

/** The query parameters of the one analyze call that answers `features`. */
export function planAnalyze(features: Iterable<AnalyzeFeature>): AnalyzePlan {
  const wanted = new Set(features);
  const visualFeatures = VISUAL_FEATURES.filter((f) => wanted.has(f));
  const details = DETAILS.filter((d) => wanted.has(d));
  if (visualFeatures.length === 0 && details.length === 0) visualFeatures.push(METADATA_CARRIER);
  return { visualFeatures, details };
}

/** Splits a response into one value per feature it answers (those of `plan`, plus metadata). */
export function splitAnalysis(
  analysis: ImageAnalysis,
  plan: AnalyzePlan,
): Map<AnalyzeFeature, unknown> {
  const parts = new Map<AnalyzeFeature, unknown>([['Metadata', analysis.metadata ?? null]]);
  const byFeature: Record<VisualFeatureTypes, unknown> = {
    ImageType: analysis.imageType,
    Faces: analysis.faces,
    Adult: analysis.adult,
    // Details live inside categories; they are cached under their own features.
    Categories: analysis.categories?.map(({ name, score }) => ({ name, score })),
    Color: analysis.color,
    Tags: analysis.tags,
    Description: analysis.description,
    Objects: analysis.objects,
    Brands: analysis.brands,
  };
  for (const f of VISUAL_FEATURES) {
    // Asked for: cache even an absent part (as null). Not asked but returned (Categories comes
    // along with details): cache it too, it was paid for.
    if (plan.visualFeatures.includes(f)) parts.set(f, byFeature[f] ?? null);
    else if (byFeature[f] !== undefined) parts.set(f, byFeature[f]);
  }
  if (plan.details.includes('Celebrities'))
    parts.set('Celebrities', collectDetail(analysis, 'celebrities'));
  if (plan.details.includes('Landmarks'))
    parts.set('Landmarks', collectDetail(analysis, 'landmarks'));
  return parts;
}

// Azure repeats a celebrity or landmark under every matching category (people_, people_portrait):
// keep one per name and box, with its best confidence.
function collectDetail(analysis: ImageAnalysis, kind: 'celebrities' | 'landmarks'): unknown[] {
  const seen = new Map<string, { confidence?: number }>();
  for (const category of analysis.categories ?? []) {
    for (const item of category.detail?.[kind] ?? []) {
      const key = JSON.stringify([item.name, 'faceRectangle' in item ? item.faceRectangle : null]);
      const prev = seen.get(key);
      if (!prev || (item.confidence ?? 0) > (prev.confidence ?? 0)) seen.set(key, item);
    }
  }
  return [...seen.values()];
}
