// The OCR module (tesseract) is imported on first use: most requests never need it, and it is
// large. The literal specifier keeps its exports typed here, so a signature change fails to compile.
import { availableParallelism } from 'node:os';

export type TextModule = typeof import('./text/index.js');

let text: Promise<TextModule> | undefined;

export function loadTextModule(): Promise<TextModule> {
  text ??= import('./text/index.js');
  return text;
}

/** Tesseract workers when no backend asks for a count: one per core, at most 4 (memory). */
export const defaultTextWorkers = (): number => Math.min(4, availableParallelism());

// The OCR workers are process-wide, so they end only when the last open backend closes:
// closing one emulator must not kill another's in-flight OCR.
let openBackends = 0;
let wantedWorkers = 0;

/** Workers the shared OCR pool starts with: the largest count an open backend asked for. */
export const textWorkerCount = (): number => wantedWorkers || defaultTextWorkers();

/** Counts a backend that may use the shared OCR workers; call the returned function on close. */
export function holdTextModule(workers: number): () => Promise<void> {
  openBackends++;
  wantedWorkers = Math.max(wantedWorkers, workers);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--openBackends > 0) return;
    wantedWorkers = 0;
    if (text) await (await text).closeText();
  };
}
