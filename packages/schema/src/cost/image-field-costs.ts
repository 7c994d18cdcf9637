import type { AnalyzeFeature } from '../loaders/analyze-features.js';

/**
 * What each field of `Image` costs upstream, for the transaction budget: the one table the
 * estimator reads. `image-field-costs.fast.test.ts` runs every field against a recording client and
 * checks the calls it makes match this table, and that no field of the schema is missing here.
 */
export type ImageFieldCost =
  /** Answered from the ImageRef itself. */
  | { kind: 'free' }
  /** One feature of the shared analyze call (one transaction per distinct feature per image). */
  | { kind: 'analyze'; feature: AnalyzeFeature }
  /** `captions(max)`: the analyze Description with max 1, else one describe call per max. */
  | { kind: 'captions' }
  /** One call per distinct value of `args` (thumbnail, areaOfInterest, ocr). */
  | { kind: 'call'; operation: string; args: readonly string[] }
  /** One read per distinct `args`, billed per page: bounded by the gateway's read page limit. */
  | { kind: 'read'; args: readonly string[] };

const free = { kind: 'free' } as const;
const analyze = (feature: AnalyzeFeature) => ({ kind: 'analyze', feature }) as const;

export const IMAGE_FIELD_COSTS: Readonly<Record<string, ImageFieldCost>> = {
  id: free,
  url: free,
  width: analyze('Metadata'),
  height: analyze('Metadata'),
  format: analyze('Metadata'),
  caption: analyze('Description'),
  captions: { kind: 'captions' },
  tags: analyze('Tags'),
  categories: analyze('Categories'),
  objects: analyze('Objects'),
  faces: analyze('Faces'),
  color: analyze('Color'),
  imageType: analyze('ImageType'),
  adult: analyze('Adult'),
  brands: analyze('Brands'),
  landmarks: analyze('Landmarks'),
  celebrities: analyze('Celebrities'),
  thumbnail: { kind: 'call', operation: 'thumbnail', args: ['width', 'height', 'smartCropping'] },
  areaOfInterest: { kind: 'call', operation: 'areaOfInterest', args: [] },
  ocr: { kind: 'call', operation: 'ocr', args: ['language', 'detectOrientation'] },
  text: { kind: 'read', args: ['language', 'readingOrder'] },
  // Image Analysis 4.0 features: one transaction each per distinct arguments (the 4.0 analyze
  // bills per feature).
  denseCaptions: { kind: 'call', operation: 'v4:denseCaptions', args: ['genderNeutral'] },
  people: { kind: 'call', operation: 'v4:people', args: [] },
  smartCrops: { kind: 'call', operation: 'v4:smartCrops', args: ['aspectRatios'] },
};
