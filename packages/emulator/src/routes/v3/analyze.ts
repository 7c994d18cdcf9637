// POST /vision/v3.2/analyze
import {
  ANALYSIS_MODEL_VERSION,
  ANALYSIS_MODEL_VERSIONS,
  SERVICE_LANGUAGES_V3,
  VISUAL_FEATURES_V3,
  DETAILS,
} from '../../constants.js';
import { AzureErrors } from '../../errors/azure-error-factory.js';
import { loadRequestImage } from '../../http/image-input.js';
import { analysisJson } from '../../wire/analysis.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { parseAnalyzeParams, toAnalyzeRequest } from '../shared/analyze-params.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseLanguage, parseList, parseModelVersion } from '../shared/params.js';

export const analyzeV3: Route = {
  method: 'POST',
  version: 'v3.2',
  path: '/analyze',
  operation: 'analyze',
  errorFormat: 'v3',
  async handle(ctx) {
    const params = parseAnalyzeParams(ctx.query, VISUAL_FEATURES_V3);
    parseLanguage(ctx.query.get('language'), SERVICE_LANGUAGES_V3, 'en');
    parseList(ctx.query.get('descriptionExclude'), DETAILS, (v) =>
      AzureErrors.badArgument(`descriptionExclude '${v}' is not valid.`),
    );
    const modelVersion = parseModelVersion(
      ctx.query,
      ANALYSIS_MODEL_VERSIONS,
      ANALYSIS_MODEL_VERSION,
    );
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const result = await ctx.backend.analyze(img, toAnalyzeRequest(params), { signal: ctx.signal });
    return {
      kind: 'json',
      body: {
        ...analysisJson(result, 'v3.2'),
        requestId: ctx.requestId,
        metadata: imageMetadata(img),
        modelVersion,
      },
    };
  },
};
