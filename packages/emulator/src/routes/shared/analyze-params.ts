// visualFeatures / details / language of /analyze, and the backend request they make.
import type { AnalyzeRequest } from '../../analysis/types.js';
import { DETAILS, type Detail, type VisualFeature } from '../../constants.js';
import { AzureErrors } from '../../errors/azure-error-factory.js';
import type { Query } from '../../http/query.js';
import { parseList } from './params.js';

export interface AnalyzeParams {
  features: VisualFeature[];
  details: Detail[];
}

export function parseAnalyzeParams(
  query: Query,
  allowedFeatures: readonly VisualFeature[],
): AnalyzeParams {
  const features = parseList(
    query.get('visualFeatures'),
    allowedFeatures,
    AzureErrors.visualFeature,
  );
  const details = parseList(query.get('details'), DETAILS, AzureErrors.details);
  // No visualFeatures: "By default, image categories are returned". Details hang off categories.
  if (features.length === 0 || (details.length > 0 && !features.includes('Categories')))
    features.unshift('Categories');
  return { features, details };
}

export function toAnalyzeRequest({ features, details }: AnalyzeParams): AnalyzeRequest {
  const has = (f: VisualFeature): boolean => features.includes(f);
  return {
    categories: has('Categories'),
    tags: has('Tags'),
    description: has('Description') ? { maxCandidates: 1 } : undefined,
    faces: has('Faces'),
    imageType: has('ImageType'),
    color: has('Color'),
    adult: has('Adult'),
    objects: has('Objects'),
    brands: has('Brands'),
    celebrities: details.includes('Celebrities'),
    landmarks: details.includes('Landmarks'),
  };
}
