// POST /vision/v1.0/analyze (the quickstart's first call).
import { SERVICE_LANGUAGES_V1, VISUAL_FEATURES_V1 } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { analysisJson } from '../../wire/analysis.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { parseAnalyzeParams, toAnalyzeRequest } from '../shared/analyze-params.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseLanguage } from '../shared/params.js';

export const analyzeV1: Route = {
  method: 'POST',
  version: 'v1.0',
  path: '/analyze',
  operation: 'analyze',
  errorFormat: 'v1',
  async handle(ctx) {
    const params = parseAnalyzeParams(ctx.query, VISUAL_FEATURES_V1);
    parseLanguage(ctx.query.get('language'), SERVICE_LANGUAGES_V1, 'en');
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const result = await ctx.backend.analyze(img, toAnalyzeRequest(params), { signal: ctx.signal });
    return {
      kind: 'json',
      body: {
        ...analysisJson(result, 'v1.0'),
        requestId: ctx.requestId,
        metadata: imageMetadata(img),
      },
    };
  },
};
