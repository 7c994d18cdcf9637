// POST /vision/v3.2/ocr (legacy OCR; v3.2 OcrResult has no requestId or metadata).
import { ANALYSIS_MODEL_VERSION, ANALYSIS_MODEL_VERSIONS, OCR_LANGUAGES } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { ocrJson } from '../../wire/ocr.js';
import type { Route } from '../route.js';
import { OCR_RULES } from '../shared/image-rules.js';
import { parseBoolean, parseLanguage, parseModelVersion } from '../shared/params.js';

export const ocrV3: Route = {
  method: 'POST',
  version: 'v3.2',
  path: '/ocr',
  operation: 'ocr',
  errorFormat: 'v3',
  async handle(ctx) {
    const language = parseLanguage(ctx.query.get('language'), OCR_LANGUAGES, 'unk');
    // "required" in the spec, but the docs' own examples omit it: default to true (CONTRACT §12).
    const detectOrientation = parseBoolean(
      ctx.query.get('detectOrientation'),
      'detectOrientation',
      true,
    );
    const modelVersion = parseModelVersion(
      ctx.query,
      ANALYSIS_MODEL_VERSIONS,
      ANALYSIS_MODEL_VERSION,
    );
    const img = await loadRequestImage(ctx, OCR_RULES);
    const result = await ctx.backend.ocr(
      img,
      { language, detectOrientation },
      { signal: ctx.signal },
    );
    return { kind: 'json', body: { ...ocrJson(result, 'v3.2'), modelVersion } };
  },
};
