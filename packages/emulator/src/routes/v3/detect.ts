// POST /vision/v3.2/detect
import { ANALYSIS_MODEL_VERSION, ANALYSIS_MODEL_VERSIONS } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { objectJson } from '../../wire/analysis.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseModelVersion } from '../shared/params.js';

export const detectV3: Route = {
  method: 'POST',
  version: 'v3.2',
  path: '/detect',
  operation: 'detect',
  errorFormat: 'v3',
  async handle(ctx) {
    const modelVersion = parseModelVersion(
      ctx.query,
      ANALYSIS_MODEL_VERSIONS,
      ANALYSIS_MODEL_VERSION,
    );
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const result = await ctx.backend.analyze(img, { objects: true }, { signal: ctx.signal });
    return {
      kind: 'json',
      body: {
        objects: (result.objects ?? []).map(objectJson),
        requestId: ctx.requestId,
        metadata: imageMetadata(img),
        modelVersion,
      },
    };
  },
};
