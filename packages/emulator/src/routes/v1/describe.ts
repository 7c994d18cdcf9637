// POST /vision/v1.0/describe
import { SERVICE_LANGUAGES_V1 } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { descriptionJson } from '../../wire/analysis.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseLanguage } from '../shared/params.js';
import { parseMaxCandidates } from '../shared/parse-max-candidates.js';

export const describeV1: Route = {
  method: 'POST',
  version: 'v1.0',
  path: '/describe',
  operation: 'describe',
  errorFormat: 'v1',
  async handle(ctx) {
    const maxCandidates = parseMaxCandidates(ctx.query);
    parseLanguage(ctx.query.get('language'), SERVICE_LANGUAGES_V1, 'en');
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const result = await ctx.backend.analyze(
      img,
      { description: { maxCandidates } },
      { signal: ctx.signal },
    );
    const description = descriptionJson(result.description ?? { tags: [], captions: [] });
    return {
      kind: 'json',
      body: { description, requestId: ctx.requestId, metadata: imageMetadata(img) },
    };
  },
};
