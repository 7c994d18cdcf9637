// TEMPORARY: real image loading with empty analysis, used only while the analysis backend's
// createBackend() is still being assembled. Remove once createBackend() works.
import { loadImage } from '../../src/analysis/image/load-image.js';
import type { VisionBackend } from '../../src/analysis/types.js';

export function createDevBackend(): VisionBackend {
  return {
    load: loadImage,
    analyze: async (_img, req) => ({
      ...(req.categories ? { categories: [{ name: 'others_', score: 0.5 }] } : {}),
      ...(req.tags ? { tags: [] } : {}),
      ...(req.description ? { description: { tags: [], captions: [] } } : {}),
      ...(req.faces ? { faces: [] } : {}),
      ...(req.objects ? { objects: [] } : {}),
      ...(req.celebrities ? { celebrities: [] } : {}),
      ...(req.landmarks ? { landmarks: [] } : {}),
    }),
    thumbnail: async (img, w, h) => {
      const sharp = (await import('sharp')).default;
      return { data: await sharp(img.bytes).resize(w, h).jpeg().toBuffer(), contentType: 'image/jpeg' };
    },
    areaOfInterest: async (img) => ({ x: 0, y: 0, w: img.width, h: img.height }),
    ocr: async () => ({ language: 'en', textAngle: 0, orientation: 'Up', regions: [] }),
    read: async (img, params) =>
      (params.pages ?? [1]).map((page) => ({ page, angle: 0, width: img.width, height: img.height, unit: 'pixel' as const, lines: [] })),
    close: async () => undefined,
  };
}
