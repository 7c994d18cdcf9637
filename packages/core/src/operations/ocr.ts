import type { OcrLanguages, OcrResult } from '../generated/spec-types.js';
import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';
import { postImageForJson } from './image-operation.js';

export interface OcrOptions extends CallOptions {
  /** Language of the text; `unk` detects it. @default "unk" */
  language?: OcrLanguages | (string & {});
  /** Detect and correct the text orientation. @default true (service default) */
  detectOrientation?: boolean;
}

/** POST /ocr (the legacy synchronous OCR). */
export async function ocr(
  ctx: OperationContext,
  image: ImageInput,
  o: OcrOptions = {},
): Promise<OcrResult> {
  const query = { language: o.language, detectOrientation: o.detectOrientation };
  return postImageForJson(ctx, { operation: 'ocr', path: '/ocr', query, image, options: o });
}
