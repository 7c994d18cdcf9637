// POST /vision/v3.2/models/{model}/analyze
import {
  ANALYSIS_MODEL_VERSION,
  ANALYSIS_MODEL_VERSIONS,
  SERVICE_LANGUAGES_V3,
} from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { domainResultJson, parseDomainModel } from '../shared/domain-model.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseLanguage, parseModelVersion } from '../shared/params.js';

export const analyzeByDomainV3: Route = {
  method: 'POST',
  version: 'v3.2',
  path: '/models/{model}/analyze',
  operation: 'analyzeByDomain',
  errorFormat: 'v3',
  async handle(ctx) {
    const model = parseDomainModel(ctx.params.model ?? '');
    parseLanguage(ctx.query.get('language'), SERVICE_LANGUAGES_V3, 'en');
    const modelVersion = parseModelVersion(
      ctx.query,
      ANALYSIS_MODEL_VERSIONS,
      ANALYSIS_MODEL_VERSION,
    );
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const result = await ctx.backend.analyze(img, { [model]: true }, { signal: ctx.signal });
    return {
      kind: 'json',
      body: {
        result: domainResultJson(model, result),
        requestId: ctx.requestId,
        metadata: imageMetadata(img),
        modelVersion,
      },
    };
  },
};
