// Wraps any backend (the real one, the memo, a stub passed in options) so that every rectangle and
// polygon it answers lies inside the image, as Azure's do.
import type { AnalyzeResult, OcrAnalysis, ReadPageResult, Rect, VisionBackend } from '../types.js';
import { clampQuad, clampRect, type Frame } from './clamp.js';

function clampAnalysis(r: AnalyzeResult, frame: Frame): AnalyzeResult {
  const rect = <T extends { rect: Rect }>(item: T): T => ({
    ...item,
    rect: clampRect(item.rect, frame),
  });
  return {
    ...r,
    ...(r.faces ? { faces: r.faces.map(rect) } : {}),
    ...(r.objects ? { objects: r.objects.map(rect) } : {}),
    ...(r.people ? { people: r.people.map(rect) } : {}),
    ...(r.denseCaptions ? { denseCaptions: r.denseCaptions.map(rect) } : {}),
    ...(r.brands ? { brands: r.brands.map(rect) } : {}),
    ...(r.celebrities ? { celebrities: r.celebrities.map(rect) } : {}),
    ...(r.categories
      ? {
          categories: r.categories.map((c) =>
            c.celebrities ? { ...c, celebrities: c.celebrities.map(rect) } : c,
          ),
        }
      : {}),
  };
}

/** OCR boxes are in the upright image: sideways text swaps its width and height. */
function clampOcr(r: OcrAnalysis, image: Frame): OcrAnalysis {
  const sideways = r.orientation === 'Left' || r.orientation === 'Right';
  const frame = sideways ? { width: image.height, height: image.width } : image;
  return {
    ...r,
    regions: r.regions.map((region) => ({
      rect: clampRect(region.rect, frame),
      lines: region.lines.map((line) => ({
        rect: clampRect(line.rect, frame),
        words: line.words.map((w) => ({ ...w, rect: clampRect(w.rect, frame) })),
      })),
    })),
  };
}

/** Read boxes are in each page's own unit (pixels, or inches for PDF). */
const clampPages = (pages: ReadPageResult[]): ReadPageResult[] =>
  pages.map((p) => ({
    ...p,
    lines: p.lines.map((l) => ({
      ...l,
      box: clampQuad(l.box, p),
      words: l.words.map((w) => ({ ...w, box: clampQuad(w.box, p) })),
    })),
  }));

export function createClampingBackend(inner: VisionBackend): VisionBackend {
  return {
    load: (bytes, limits) => inner.load(bytes, limits),
    analyze: async (img, req, opts) => clampAnalysis(await inner.analyze(img, req, opts), img),
    thumbnail: (img, width, height, smart, opts) =>
      inner.thumbnail(img, width, height, smart, opts),
    areaOfInterest: async (img, opts) => clampRect(await inner.areaOfInterest(img, opts), img),
    smartCrops: async (img, ratios, opts) =>
      (await inner.smartCrops(img, ratios, opts)).map((c) => ({
        ...c,
        rect: clampRect(c.rect, img),
      })),
    ocr: async (img, params, opts) => clampOcr(await inner.ocr(img, params, opts), img),
    read: async (img, params, opts) => clampPages(await inner.read(img, params, opts)),
    close: () => inner.close(),
  };
}
