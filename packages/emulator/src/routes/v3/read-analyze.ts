// POST /vision/v3.2/read/analyze: validates, answers 202 + Operation-Location, reads in the background.
import { READ_MODEL_VERSION, READ_MODEL_VERSIONS } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import type { Route } from '../route.js';
import { READ_RULES } from '../shared/image-rules.js';
import { parseModelVersion } from '../shared/params.js';
import { parseReadParams, resolvePages } from '../shared/read-params.js';

export const readAnalyzeV3: Route = {
  method: 'POST',
  version: 'v3.2',
  path: '/read/analyze',
  operation: 'read',
  errorFormat: 'read',
  async handle(ctx) {
    const params = parseReadParams(ctx.query);
    const modelVersion = parseModelVersion(ctx.query, READ_MODEL_VERSIONS, READ_MODEL_VERSION);
    const img = await loadRequestImage(ctx, READ_RULES);
    const pages = resolvePages(params.pageRanges, img.pages, ctx.query.get('pages') ?? '');
    const id = ctx.operations.start('v3.2', modelVersion, (signal) =>
      ctx.backend.read(
        img,
        { language: params.language, pages, readingOrder: params.readingOrder },
        { signal },
      ),
    );
    return {
      kind: 'empty',
      status: 202,
      headers: { 'Operation-Location': `${ctx.baseUrl}/vision/v3.2/read/analyzeResults/${id}` },
    };
  },
};
