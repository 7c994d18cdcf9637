// The default backend, imported on first use: the analysis module pulls in TensorFlow, OpenCV
// and tesseract, and the emulator must be listening within a few seconds of start. The literal
// specifier keeps createBackend's signature checked by tsc; the import still happens only here.
import type { BackendOptions } from './analysis/backend-options.js';
import type { VisionBackend } from './analysis/types.js';

export function createLazyBackend(options: BackendOptions): VisionBackend {
  let backend: Promise<VisionBackend> | undefined;
  const get = (): Promise<VisionBackend> => {
    backend ??= import('./analysis/index.js').then((m) => m.createBackend(options));
    return backend;
  };
  return {
    load: async (bytes, limits) => (await get()).load(bytes, limits),
    analyze: async (img, req, opts) => (await get()).analyze(img, req, opts),
    thumbnail: async (img, w, h, smart, opts) => (await get()).thumbnail(img, w, h, smart, opts),
    areaOfInterest: async (img, opts) => (await get()).areaOfInterest(img, opts),
    smartCrops: async (img, ratios, opts) => (await get()).smartCrops(img, ratios, opts),
    ocr: async (img, params, opts) => (await get()).ocr(img, params, opts),
    read: async (img, params, opts) => (await get()).read(img, params, opts),
    close: async () => {
      if (backend) await (await backend).close();
    },
  };
}
