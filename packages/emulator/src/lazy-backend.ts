// The default backend, imported on first use: the analysis module pulls in TensorFlow, OpenCV
// and tesseract, and the emulator must be listening within a few seconds of start.
import type { VisionBackend } from './analysis/types.js';

interface AnalysisModule {
  createBackend(options?: { galleryDir?: string }): VisionBackend;
}

// A variable specifier keeps bundlers and tsc from loading the module eagerly.
const ANALYSIS_MODULE = './analysis/index.js';

export function createLazyBackend(galleryDir: string | undefined): VisionBackend {
  let backend: Promise<VisionBackend> | undefined;
  const get = (): Promise<VisionBackend> => {
    backend ??= (import(ANALYSIS_MODULE) as Promise<AnalysisModule>).then((m) =>
      m.createBackend(galleryDir === undefined ? {} : { galleryDir }),
    );
    return backend;
  };
  return {
    load: async (bytes, limits) => (await get()).load(bytes, limits),
    analyze: async (img, req, opts) => (await get()).analyze(img, req, opts),
    thumbnail: async (img, w, h, smart, opts) => (await get()).thumbnail(img, w, h, smart, opts),
    areaOfInterest: async (img, opts) => (await get()).areaOfInterest(img, opts),
    ocr: async (img, params, opts) => (await get()).ocr(img, params, opts),
    read: async (img, params, opts) => (await get()).read(img, params, opts),
    close: async () => {
      if (backend) await (await backend).close();
    },
  };
}
