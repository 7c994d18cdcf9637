// POST /vision/v1.0/models/{model}/analyze
import { SERVICE_LANGUAGES_V1 } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { imageMetadata } from '../../wire/metadata.js';
import type { Route } from '../route.js';
import { domainResultJson, parseDomainModel } from '../shared/domain-model.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseLanguage } from '../shared/params.js';

export const analyzeByDomainV1: Route = {
  method: 'POST',
  version: 'v1.0',
  path: '/models/{model}/analyze',
  operation: 'analyzeByDomain',
  errorFormat: 'v1',
  async handle(ctx) {
    const model = parseDomainModel(ctx.params.model ?? '');
    parseLanguage(ctx.query.get('language'), SERVICE_LANGUAGES_V1, 'en');
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const result = await ctx.backend.analyze(img, { [model]: true }, { signal: ctx.signal });
    return {
      kind: 'json',
      body: {
        result: domainResultJson(model, result),
        requestId: ctx.requestId,
        metadata: imageMetadata(img),
      },
    };
  },
};
