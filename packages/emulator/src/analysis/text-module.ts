// The OCR module (tesseract) is imported on first use: most requests never need it, and it is
// large. A variable specifier keeps tsc from resolving it eagerly.
import type { LoadedImage, OcrAnalysis, ReadPageResult, VisionBackend } from './types.js';

export interface TextModule {
  recognizePrinted(img: LoadedImage, params: Parameters<VisionBackend['ocr']>[1], signal?: AbortSignal): Promise<OcrAnalysis>;
  readText(img: LoadedImage, params: Parameters<VisionBackend['read']>[1], signal?: AbortSignal): Promise<ReadPageResult[]>;
}

const TEXT_MODULE = './text/index.js';
let text: Promise<TextModule> | undefined;

export function loadTextModule(): Promise<TextModule> {
  text ??= import(TEXT_MODULE) as Promise<TextModule>;
  return text;
}
