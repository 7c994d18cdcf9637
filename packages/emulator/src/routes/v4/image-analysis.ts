// POST /computervision/imageanalysis:analyze?api-version=2023-10-01 (Image Analysis 4.0): the
// same analysis as v3.2 behind one synchronous call. caption and tags come from the analyze
// pipeline, dense captions from the caption builder per region, people from the person
// detector, smart crops from the saliency crop per ratio and read from the OCR pipeline, all
// started together so one detection pass feeds every feature that needs it.
import type { AnalyzeRequest } from '../../analysis/types.js';
import { AzureErrors } from '../../errors/azure-error-factory.js';
import { loadRequestImage } from '../../http/image-input.js';
import { imageAnalysisJson } from '../../wire/image-analysis.js';
import type { Route, RouteContext } from '../route.js';
import { parseIa40Params } from '../shared/ia40-params.js';
import { IA40_RULES } from '../shared/image-rules.js';

const MEDIA_TYPES = ['application/json', 'application/octet-stream', 'multipart/form-data'];

/** 4.0 answers a wrong Content-Type with 400 InvalidRequest, not v3.2's 415. */
function checkMediaType(ctx: RouteContext): void {
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!MEDIA_TYPES.includes(type)) throw AzureErrors.ia40.contentType(type);
}

export const imageAnalysisV4: Route = {
  method: 'POST',
  version: 'v4.0',
  path: '/imageanalysis:analyze',
  operation: 'imageAnalysis',
  errorFormat: 'ia40',
  async handle(ctx) {
    const params = parseIa40Params(ctx.query);
    checkMediaType(ctx);
    const img = await loadRequestImage(ctx, IA40_RULES);
    const has = (f: (typeof params.features)[number]): boolean => params.features.includes(f);
    const req: AnalyzeRequest = {
      tags: has('tags'),
      // 4.0's caption is the whole-image dense caption: one builder, one answer for both.
      denseCaptions: has('denseCaptions') || has('caption'),
      objects: has('objects'),
      people: has('people'),
    };
    const opts = { signal: ctx.signal };
    const [analysis, pages, crops] = await Promise.all([
      ctx.backend.analyze(img, req, opts),
      has('read')
        ? ctx.backend.read(img, { pages: [1], readingOrder: 'natural' }, opts)
        : undefined,
      has('smartCrops') ? ctx.backend.smartCrops(img, params.ratios, opts) : undefined,
    ]);
    return {
      kind: 'json',
      body: imageAnalysisJson(
        params.features,
        { analysis, ...(pages && { page: pages[0] }), ...(crops && { crops }) },
        img,
        params,
      ),
    };
  },
};
