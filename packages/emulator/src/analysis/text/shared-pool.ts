import { TesseractPool } from './worker-pool.js';

/** Workers in the shared pool: two, one per core of the target machine. */
export const OCR_WORKERS = 2;

let pool: TesseractPool | undefined;

/** The process-wide OCR pool, created on first use (and again after closeText()). */
export const textPool = (): TesseractPool => (pool ??= new TesseractPool(OCR_WORKERS));

/** Terminates the shared OCR workers (the backend's close() calls this). */
export async function closeText(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.close();
}
