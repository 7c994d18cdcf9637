// createBackend's options: documented, validated once, failing fast with the option's name.
import { statSync } from 'node:fs';
import { type EmulatorLogger, stderrLogger } from '../logger.js';
import { defaultModelWorkers } from './pool/worker-pool.js';
import { defaultTextWorkers } from './text-module.js';

/** Options of {@link createBackend}. */
export interface BackendOptions {
  /**
   * A folder of extra reference images, same layout as the shipped gallery
   * (`landmarks/<Name>/*.jpg|png`, `celebrities/<Name>/*.jpg|png`), added to the shipped gallery.
   * @default undefined (shipped gallery only)
   */
  galleryDir?: string;
  /**
   * Model worker threads, 1 or 2. With 2, face models run in one and objects, adult and landmarks
   * in the other, so one request uses both cores and each model is loaded once.
   * @default min(2, os.availableParallelism())
   */
  workers?: number;
  /**
   * Tesseract workers for OCR and Read (1 to 64). They are shared by every backend of the process:
   * the pool gets the largest count asked for by the backends open when it starts. Each worker
   * holds its own copy of the engine and language data (tens of MB).
   * @default min(4, os.availableParallelism())
   */
  ocrWorkers?: number;
  /** Receives the backend's diagnostics (model workers' warnings and output). @default warnings and errors on stderr */
  logger?: EmulatorLogger;
  /**
   * Load every model and the gallery right away (in the workers; 16 s on a loaded 2-core machine)
   * instead of on first use.
   * @default false
   */
  preload?: boolean;
}

/** A createBackend option is invalid; the message names it. */
export class BackendOptionsError extends Error {
  override readonly name = 'BackendOptionsError';
  readonly code = 'INVALID_BACKEND_OPTION';
}

const isDirectory = (dir: string): boolean => {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false; // missing or unreadable: reported below with the option's name
  }
};

export function resolveBackendOptions(
  o: BackendOptions,
): Required<Omit<BackendOptions, 'galleryDir'>> & { galleryDir: string | undefined } {
  const workers = o.workers ?? defaultModelWorkers();
  if (workers !== 1 && workers !== 2)
    throw new BackendOptionsError(`workers must be 1 or 2, got ${String(workers)}`);
  const ocrWorkers = o.ocrWorkers ?? defaultTextWorkers();
  if (!Number.isInteger(ocrWorkers) || ocrWorkers < 1 || ocrWorkers > 64)
    throw new BackendOptionsError(
      `ocrWorkers must be an integer from 1 to 64, got ${String(ocrWorkers)}`,
    );
  if (
    o.galleryDir !== undefined &&
    (typeof o.galleryDir !== 'string' || !isDirectory(o.galleryDir))
  ) {
    throw new BackendOptionsError(
      `galleryDir must be an existing directory, got ${String(o.galleryDir)}`,
    );
  }
  return {
    workers,
    ocrWorkers,
    galleryDir: o.galleryDir,
    preload: o.preload ?? false,
    logger: o.logger ?? stderrLogger,
  };
}
