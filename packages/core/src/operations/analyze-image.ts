import { InvalidInputError } from '../errors/error-classes.js';
import {
  VisualFeaturesValues,
  type ImageAnalysisResult,
  type VisualFeatures,
} from '../generated/image-analysis-types.js';
import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';
import { postImageForJson } from './image-operation.js';
import { checkEnumList } from './validate.js';

/** Image Analysis 4.0 API version this client speaks. */
export const IMAGE_ANALYSIS_API_VERSION = '2023-10-01';
/** Smart-crop aspect ratios Azure accepts (width / height, inclusive). */
export const SMART_CROPS_RATIO_RANGE = { min: 0.75, max: 1.8 } as const;

export type ImageAnalysisFeature = VisualFeatures;

export interface ImageAnalysisOptions extends CallOptions {
  /** Features to compute (at least one); each is billed as one transaction. */
  features: ImageAnalysisFeature[];
  /** Output language; only tags exist in languages other than English. @default "en" */
  language?: string;
  /** Replace gendered words in caption and dense captions ('man' -> 'person'). @default false */
  genderNeutralCaption?: boolean;
  /** Smart-crop ratios (width / height) from 0.75 to 1.8; without them Azure picks one crop. */
  smartCropsAspectRatios?: number[];
}

function checkRatios(ratios: unknown): number[] | undefined {
  if (ratios === undefined) return undefined;
  if (!Array.isArray(ratios))
    throw new InvalidInputError('smartCropsAspectRatios must be an array', { code: 'BadArgument' });
  const { min, max } = SMART_CROPS_RATIO_RANGE;
  const bad = ratios.filter((r) => typeof r !== 'number' || !(r >= min && r <= max));
  if (bad.length > 0) {
    // Azure's own words for this case, so both sides read alike.
    throw new InvalidInputError(
      `'smartcrops-aspect-ratios' aspect ratio is not in allowed range [${min} to ${max}]: ${bad.map(String).join(', ')}`,
      { code: 'BadArgument' },
    );
  }
  return ratios as number[];
}

/** POST /computervision/imageanalysis:analyze (Image Analysis 4.0). */
export async function analyzeImage(
  ctx: OperationContext,
  image: ImageInput,
  o: ImageAnalysisOptions,
): Promise<ImageAnalysisResult> {
  const features = checkEnumList(
    'features',
    o?.features,
    VisualFeaturesValues,
    'NotSupportedVisualFeature',
  );
  if (!features || features.length === 0) {
    throw new InvalidInputError('features: at least one Image Analysis 4.0 feature is required', {
      code: 'InvalidRequest',
    });
  }
  if (o.genderNeutralCaption !== undefined && typeof o.genderNeutralCaption !== 'boolean') {
    throw new InvalidInputError('genderNeutralCaption must be a boolean', { code: 'BadArgument' });
  }
  const ratios = checkRatios(o.smartCropsAspectRatios);
  return postImageForJson(ctx, {
    operation: 'imageAnalysis',
    apiRoot: '/computervision',
    path: '/imageanalysis:analyze',
    query: {
      'api-version': IMAGE_ANALYSIS_API_VERSION,
      features,
      language: o.language,
      'gender-neutral-caption': o.genderNeutralCaption,
      'smartcrops-aspect-ratios': ratios?.map(String),
    },
    image,
    options: o,
  });
}
