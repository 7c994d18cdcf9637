// The analysis backend: image loading, pixel analysis, the ML models (on a worker pool) and
// recognition composed into one VisionBackend. Every request computes only what it asks for,
// and one detection pass feeds every feature that needs it.
import { loadImage } from './image/load-image.js';
import { ModelClient } from './pool/model-client.js';
import { WorkerPool } from './pool/worker-pool.js';
import { shippedGalleryDir } from './recognition/gallery-files.js';
import { areaOfInterest, smartCrops, smartThumbnail } from './saliency/index.js';
import { analyzeWithModels } from './analyze-with-models.js';
import { resolveBackendOptions, type BackendOptions } from './backend-options.js';
import { holdTextModule, loadTextModule } from './text-module.js';
import type { VisionBackend } from './types.js';

/**
 * Creates the analysis backend. Cheap: models load lazily in worker threads on first use.
 * @throws BackendOptionsError when an option is invalid (the message names it).
 * @example
 * const backend = createBackend({ galleryDir: './my-gallery' });
 * const img = await backend.load(bytes);
 * const { faces, description } = await backend.analyze(img, { faces: true, description: { maxCandidates: 1 } });
 * await backend.close();
 */
export function createBackend(options: BackendOptions = {}): VisionBackend {
  const { workers, ocrWorkers, galleryDir, preload, logger } = resolveBackendOptions(options);
  const galleryDirs = [shippedGalleryDir(), ...(galleryDir ? [galleryDir] : [])];
  const pool = new WorkerPool(workers, { galleryDirs }, { logger });
  const models = new ModelClient(pool);
  // A failed preload resurfaces on the first request that needs the model.
  if (preload) pool.warmup().catch(() => undefined);
  const releaseText = holdTextModule(ocrWorkers);
  return {
    load: loadImage,
    analyze: (img, req, opts) => analyzeWithModels(models, img, req, opts?.signal),
    // Smart crops keep faces first, so they get the detector's faces.
    thumbnail: async (img, w, h, smart, opts) =>
      smartThumbnail(img, w, h, smart, smart ? await models.faceRects(img, opts?.signal) : []),
    areaOfInterest: async (img, opts) =>
      areaOfInterest(img, await models.faceRects(img, opts?.signal)),
    smartCrops: async (img, ratios, opts) =>
      smartCrops(img, ratios, await models.faceRects(img, opts?.signal)),
    ocr: async (img, params, opts) =>
      (await loadTextModule()).recognizePrinted(img, params, opts?.signal),
    read: async (img, params, opts) => (await loadTextModule()).readText(img, params, opts?.signal),
    close: async () => {
      await Promise.all([pool.close(), releaseText()]);
    },
  };
}
