// POST /vision/v1.0/tag
import { SERVICE_LANGUAGES_V1 } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { tagsJson } from '../../wire/analysis.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseLanguage } from '../shared/params.js';

export const tagV1: Route = {
  method: 'POST',
  version: 'v1.0',
  path: '/tag',
  operation: 'tag',
  errorFormat: 'v1',
  async handle(ctx) {
    parseLanguage(ctx.query.get('language'), SERVICE_LANGUAGES_V1, 'en');
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const result = await ctx.backend.analyze(img, { tags: true }, { signal: ctx.signal });
    return {
      kind: 'json',
      body: {
        tags: tagsJson(result.tags ?? [], 'v1.0'),
        requestId: ctx.requestId,
        metadata: imageMetadata(img),
      },
    };
  },
};
