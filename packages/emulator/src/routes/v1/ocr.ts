// POST /vision/v1.0/ocr (textAngle in degrees, no modelVersion).
import { OCR_LANGUAGES } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import { ocrJson } from '../../wire/ocr.js';
import type { Route } from '../route.js';
import { OCR_RULES } from '../shared/image-rules.js';
import { parseBoolean, parseLanguage } from '../shared/params.js';

export const ocrV1: Route = {
  method: 'POST',
  version: 'v1.0',
  path: '/ocr',
  operation: 'ocr',
  errorFormat: 'v1',
  async handle(ctx) {
    const language = parseLanguage(ctx.query.get('language'), OCR_LANGUAGES, 'unk');
    const detectOrientation = parseBoolean(
      ctx.query.get('detectOrientation'),
      'detectOrientation',
      true,
    );
    const img = await loadRequestImage(ctx, OCR_RULES);
    const result = await ctx.backend.ocr(
      img,
      { language, detectOrientation },
      { signal: ctx.signal },
    );
    return { kind: 'json', body: ocrJson(result, 'v1.0') };
  },
};
