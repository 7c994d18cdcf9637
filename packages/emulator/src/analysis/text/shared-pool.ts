import { textWorkerCount } from '../text-module.js';
import { closePpOcrThread } from './ppocr/ppocr-thread.js';
import { TesseractPool } from './worker-pool.js';

let pool: TesseractPool | undefined;

/** The process-wide OCR pool, created on first use (and again after closeText()). */
export const textPool = (): TesseractPool => (pool ??= new TesseractPool(textWorkerCount()));

/** Workers of the shared pool (strips of a page are cut to keep them all busy). */
export const textWorkers = (): number => textPool().size;

/** Terminates the shared OCR workers and the PP-OCR worker (the backend's close() calls this). */
export async function closeText(): Promise<void> {
  const p = pool;
  pool = undefined;
  await Promise.all([p?.close(), closePpOcrThread()]);
}
