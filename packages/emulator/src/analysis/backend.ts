// The analysis backend: image loading, pixel analysis, the ML models (on a worker pool) and
// recognition composed into one VisionBackend. Every request computes only what it asks for,
// and one detection pass feeds every feature that needs it.
import { loadImage } from './image/load-image.js';
import { ModelClient } from './pool/model-client.js';
import { WorkerPool } from './pool/worker-pool.js';
import { shippedGalleryDir } from './recognition/gallery-files.js';
import { areaOfInterest, smartThumbnail } from './saliency/index.js';
import { analyzeWithModels } from './analyze-with-models.js';
import { loadTextModule } from './text-module.js';
import type { VisionBackend } from './types.js';

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
   * @default 2
   */
  workers?: number;
  /**
   * Load every model and the gallery right away (in the workers; 16 s on a loaded 2-core machine) instead of on first use.
   * @default false
   */
  preload?: boolean;
}

/**
 * Creates the analysis backend. Cheap: models load lazily in worker threads on first use.
 * @example
 * const backend = createBackend({ galleryDir: './my-gallery' });
 * const img = await backend.load(bytes);
 * const { faces, description } = await backend.analyze(img, { faces: true, description: { maxCandidates: 1 } });
 * await backend.close();
 */
export function createBackend(options: BackendOptions = {}): VisionBackend {
  const galleryDirs = [shippedGalleryDir(), ...(options.galleryDir ? [options.galleryDir] : [])];
  const pool = new WorkerPool(options.workers ?? 2, { galleryDirs });
  const models = new ModelClient(pool);
  // A failed preload resurfaces on the first request that needs the model.
  if (options.preload) pool.warmup().catch(() => undefined);
  const faceRects = async (img: Parameters<VisionBackend['areaOfInterest']>[0], signal?: AbortSignal) =>
    (await models.faces(img, false, signal)).faces.map((f) => f.rect);
  return {
    load: loadImage,
    analyze: (img, req, opts) => analyzeWithModels(models, img, req, opts?.signal),
    // Smart crops keep faces first, so they get the detector's faces.
    thumbnail: async (img, w, h, smart, opts) => smartThumbnail(img, w, h, smart, smart ? await faceRects(img, opts?.signal) : []),
    areaOfInterest: async (img, opts) => areaOfInterest(img, await faceRects(img, opts?.signal)),
    ocr: async (img, params, opts) => (await loadTextModule()).recognizePrinted(img, params, opts?.signal),
    read: async (img, params, opts) => (await loadTextModule()).readText(img, params, opts?.signal),
    close: () => pool.close(),
  };
}

