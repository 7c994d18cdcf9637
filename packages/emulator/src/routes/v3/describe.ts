// POST /vision/v3.2/describe
import {
  ANALYSIS_MODEL_VERSION,
  ANALYSIS_MODEL_VERSIONS,
  DETAILS,
  SERVICE_LANGUAGES_V3,
} from '../../constants.js';
import { AzureErrors } from '../../errors/azure-error-factory.js';
import { loadRequestImage } from '../../http/image-input.js';
import { descriptionJson } from '../../wire/analysis.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseLanguage, parseList, parseModelVersion } from '../shared/params.js';
import { parseMaxCandidates } from '../shared/parse-max-candidates.js';

export const describeV3: Route = {
  method: 'POST',
  version: 'v3.2',
  path: '/describe',
  operation: 'describe',
  errorFormat: 'v3',
  async handle(ctx) {
    const maxCandidates = parseMaxCandidates(ctx.query);
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
    const result = await ctx.backend.analyze(
      img,
      { description: { maxCandidates } },
      { signal: ctx.signal },
    );
    const description = descriptionJson(result.description ?? { tags: [], captions: [] });
    return {
      kind: 'json',
      body: { description, requestId: ctx.requestId, metadata: imageMetadata(img), modelVersion },
    };
  },
};
