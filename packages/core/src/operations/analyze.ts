import {
  DetailsValues,
  DescriptionExcludeValues,
  VisualFeatureTypesValues,
  type Details,
  type ImageAnalysis,
  type ServiceLanguage,
  type VisualFeatureTypes,
} from '../generated/spec-types.js';
import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';
import { postImageForJson } from './image-operation.js';
import { checkEnumList } from './validate.js';

export type VisualFeature = VisualFeatureTypes;
export type Detail = Details;
/** A language Azure documents, or any other code (the service has the final word). */
export type Language = ServiceLanguage | (string & {});

export interface AnalyzeOptions extends CallOptions {
  /** Features to compute; each is billed as one transaction. @default service default (Categories) */
  visualFeatures?: VisualFeature[];
  /** Domain-specific details. */
  details?: Detail[];
  /** Output language. @default "en" */
  language?: Language;
  /** Domain models to leave out of the description. */
  descriptionExclude?: Detail[];
}

/** POST /analyze. */
export async function analyze(
  ctx: OperationContext,
  image: ImageInput,
  o: AnalyzeOptions = {},
): Promise<ImageAnalysis> {
  const query = {
    visualFeatures: checkEnumList(
      'visualFeatures',
      o.visualFeatures,
      VisualFeatureTypesValues,
      'NotSupportedVisualFeature',
    ),
    details: checkEnumList('details', o.details, DetailsValues, 'InvalidDetails'),
    language: o.language,
    descriptionExclude: checkEnumList(
      'descriptionExclude',
      o.descriptionExclude,
      DescriptionExcludeValues,
      'InvalidDetails',
    ),
  };
  return postImageForJson(ctx, {
    operation: 'analyze',
    path: '/analyze',
    query,
    image,
    options: o,
  });
}
