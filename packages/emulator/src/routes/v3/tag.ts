// POST /vision/v3.2/tag
import {
  ANALYSIS_MODEL_VERSION,
  ANALYSIS_MODEL_VERSIONS,
  SERVICE_LANGUAGES_V3,
} from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { tagsJson } from '../../wire/analysis.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseLanguage, parseModelVersion } from '../shared/params.js';

export const tagV3: Route = {
  method: 'POST',
  version: 'v3.2',
  path: '/tag',
  operation: 'tag',
  errorFormat: 'v3',
  async handle(ctx) {
    parseLanguage(ctx.query.get('language'), SERVICE_LANGUAGES_V3, 'en');
    const modelVersion = parseModelVersion(
      ctx.query,
      ANALYSIS_MODEL_VERSIONS,
      ANALYSIS_MODEL_VERSION,
    );
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const result = await ctx.backend.analyze(img, { tags: true }, { signal: ctx.signal });
    return {
      kind: 'json',
      body: {
        tags: tagsJson(result.tags ?? [], 'v3.2'),
        requestId: ctx.requestId,
        metadata: imageMetadata(img),
        modelVersion,
      },
    };
  },
};
