// The route table: every operation the emulator serves.
import type { Route } from './route.js';
import { analyzeV1 } from './v1/analyze.js';
import { analyzeByDomainV1 } from './v1/analyze-by-domain.js';
import { describeV1 } from './v1/describe.js';
import { generateThumbnailV1 } from './v1/generate-thumbnail.js';
import { modelsV1 } from './v1/models.js';
import { ocrV1 } from './v1/ocr.js';
import { recognizeTextV1 } from './v1/recognize-text.js';
import { tagV1 } from './v1/tag.js';
import { textOperationsV1 } from './v1/text-operations.js';
import { analyzeV3 } from './v3/analyze.js';
import { analyzeByDomainV3 } from './v3/analyze-by-domain.js';
import { areaOfInterestV3 } from './v3/area-of-interest.js';
import { describeV3 } from './v3/describe.js';
import { detectV3 } from './v3/detect.js';
import { generateThumbnailV3 } from './v3/generate-thumbnail.js';
import { modelsV3 } from './v3/models.js';
import { ocrV3 } from './v3/ocr.js';
import { readAnalyzeV3 } from './v3/read-analyze.js';
import { readResultRouteV3 } from './v3/read-result.js';
import { tagV3 } from './v3/tag.js';
import { imageAnalysisV4 } from './v4/image-analysis.js';

export const routes: Route[] = [
  analyzeV3,
  describeV3,
  tagV3,
  detectV3,
  modelsV3,
  analyzeByDomainV3,
  generateThumbnailV3,
  areaOfInterestV3,
  ocrV3,
  readAnalyzeV3,
  readResultRouteV3,
  imageAnalysisV4,
  analyzeV1,
  describeV1,
  tagV1,
  modelsV1,
  analyzeByDomainV1,
  generateThumbnailV1,
  ocrV1,
  recognizeTextV1,
  textOperationsV1,
];
