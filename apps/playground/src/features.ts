import { DEFAULT_RATIOS } from './crop-ratios.js';
import type { AnalyzeImageQueryVariables } from './gql/graphql.js';

/** The switchable parts of the query; each one is an `@include(if: $<key>)` variable. */
export const FEATURES = [
  { key: 'caption', label: 'Caption' },
  { key: 'tags', label: 'Tags' },
  { key: 'faces', label: 'Faces' },
  { key: 'objects', label: 'Objects' },
  { key: 'recognition', label: 'Celebrities, landmarks, brands' },
  { key: 'thumbnail', label: 'Thumbnail and area of interest' },
  { key: 'colors', label: 'Colours, image type, adult' },
  { key: 'text', label: 'Text (OCR words, read lines; deferred)' },
  { key: 'denseCaptions', label: 'Dense captions (4.0)' },
  { key: 'people', label: 'People (4.0)' },
  { key: 'smartCrops', label: 'Smart crops (4.0)' },
] as const;

export type FeatureKey = (typeof FEATURES)[number]['key'];
export type FeatureSet = Record<FeatureKey, boolean>;

export const ALL_FEATURES: FeatureSet = Object.fromEntries(
  FEATURES.map((feature) => [feature.key, true]),
) as FeatureSet;

/** Where the image comes from: a URL the gateway fetches, or bytes uploaded with the query. */
export type ImageSource =
  | { kind: 'url'; url: string; label: string }
  | { kind: 'example'; url: string; label: string }
  | { kind: 'file'; file: File; label: string };

export interface ThumbnailSize {
  width: number;
  height: number;
}

export function queryVariables(
  source: ImageSource,
  features: FeatureSet,
  thumbnail: ThumbnailSize,
  cropRatios: readonly number[] = DEFAULT_RATIOS,
): AnalyzeImageQueryVariables {
  return {
    ...(source.kind === 'file' ? { upload: source.file } : { url: source.url }),
    thumbWidth: thumbnail.width,
    thumbHeight: thumbnail.height,
    ...features,
    // No ratio picked: the service chooses one crop itself.
    cropRatios: cropRatios.length > 0 ? [...cropRatios] : null,
  };
}
