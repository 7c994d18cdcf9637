// Input rules per operation family (CONTRACT.md §7).
import * as C from '../../constants.js';
import { AzureErrors } from '../../errors/azure-error-factory.js';
import type { ImageRules } from '../../http/image-input.js';

export const ANALYZE_RULES: ImageRules = {
  maxBytes: C.IMAGE_MAX_BYTES,
  multipart: true,
  formats: C.ANALYZE_FORMATS,
  dimensions: {
    min: C.ANALYZE_MIN_DIMENSION,
    max: C.ANALYZE_MAX_DIMENSION,
    code: 'InvalidImageSize',
  },
};

export const OCR_RULES: ImageRules = {
  ...ANALYZE_RULES,
  dimensions: { min: C.OCR_MIN_DIMENSION, max: C.OCR_MAX_DIMENSION, code: 'InvalidImageSize' },
};

export const READ_RULES: ImageRules = {
  maxBytes: C.READ_MAX_BYTES,
  maxPages: C.READ_MAX_PAGES,
  multipart: false,
  formats: C.READ_FORMATS,
  dimensions: {
    min: C.READ_MIN_DIMENSION,
    max: C.READ_MAX_DIMENSION,
    code: 'InvalidImageDimension',
  },
};

/** v1.0 recognizeText: the analyze-era limits, JSON or octet-stream only. */
export const RECOGNIZE_TEXT_RULES: ImageRules = {
  ...ANALYZE_RULES,
  multipart: false,
  dimensions: { min: C.READ_MIN_DIMENSION, max: C.READ_MAX_DIMENSION, code: 'InvalidImageSize' },
};

/** Image Analysis 4.0: under 20 MB, 50 to 16,000 px, its own size wording. */
export const IA40_RULES: ImageRules = {
  maxBytes: C.IA40_MAX_BYTES,
  multipart: true,
  formats: C.IA40_FORMATS,
  dimensions: { min: C.IA40_MIN_DIMENSION, max: C.IA40_MAX_DIMENSION, code: 'InvalidImageSize' },
  tooLarge: AzureErrors.ia40.imageSize,
};
