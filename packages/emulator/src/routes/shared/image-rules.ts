// Input rules per operation family (CONTRACT.md §7).
import * as C from '../../constants.js';
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
