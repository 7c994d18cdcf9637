// POST /vision/v3.2/areaOfInterest
import { ANALYSIS_MODEL_VERSION, ANALYSIS_MODEL_VERSIONS } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { boundingRect } from '../../wire/geometry.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseModelVersion } from '../shared/params.js';

export const areaOfInterestV3: Route = {
  method: 'POST',
  version: 'v3.2',
  path: '/areaOfInterest',
  operation: 'areaOfInterest',
  errorFormat: 'v3',
  async handle(ctx) {
    const modelVersion = parseModelVersion(
      ctx.query,
      ANALYSIS_MODEL_VERSIONS,
      ANALYSIS_MODEL_VERSION,
    );
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const rect = await ctx.backend.areaOfInterest(img, { signal: ctx.signal });
    return {
      kind: 'json',
      body: {
        areaOfInterest: boundingRect(rect),
        requestId: ctx.requestId,
        metadata: imageMetadata(img),
        modelVersion,
      },
    };
  },
};
