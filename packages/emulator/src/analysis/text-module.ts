// The OCR module (tesseract) is imported on first use: most requests never need it, and it is
// large. A variable specifier keeps tsc from resolving it eagerly.
import type { LoadedImage, OcrAnalysis, ReadPageResult, VisionBackend } from './types.js';

export interface TextModule {
  recognizePrinted(
    img: LoadedImage,
    params: Parameters<VisionBackend['ocr']>[1],
    signal?: AbortSignal,
  ): Promise<OcrAnalysis>;
  readText(
    img: LoadedImage,
    params: Parameters<VisionBackend['read']>[1],
    signal?: AbortSignal,
  ): Promise<ReadPageResult[]>;
  closeText(): Promise<void>;
}

const TEXT_MODULE = './text/index.js';
let text: Promise<TextModule> | undefined;

export function loadTextModule(): Promise<TextModule> {
  text ??= import(TEXT_MODULE) as Promise<TextModule>;
  return text;
}

// The OCR workers are process-wide, so they end only when the last open backend closes:
// closing one emulator must not kill another's in-flight OCR.
let openBackends = 0;

/** Counts a backend that may use the shared OCR workers; call the returned function on close. */
export function holdTextModule(): () => Promise<void> {
  openBackends++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--openBackends === 0 && text) await (await text).closeText();
  };
}
