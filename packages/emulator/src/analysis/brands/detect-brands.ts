// Brands from two signals: gallery logos found by ORB (any logo, lettering or not) and text logos
// (short lines of scene text spelling a known brand). One entry per brand, the more confident
// signal's rectangle.
import { loadTextModule } from '../text-module.js';
import type { BrandResult, LoadedImage } from '../types.js';
import { textLogos } from './text-logos.js';

/**
 * Scene text is read for brands only on images up to this size: tesseract needs 4-5 s of CPU for
 * a 1 MP photo (0.2 s for the 0.06 MP hoodie photo), which the analyze latency cannot carry.
 * Raise it when the text pipeline reads photos in a fraction of that.
 */
export const TEXT_LOGO_MAX_PIXELS = 100_000;

/** Brands spelled by scene text (empty for images over TEXT_LOGO_MAX_PIXELS). */
export async function sceneTextLogos(
  img: LoadedImage,
  signal?: AbortSignal,
): Promise<BrandResult[]> {
  if (img.width * img.height > TEXT_LOGO_MAX_PIXELS || img.pages > 1) return [];
  const text = await loadTextModule();
  const [page] = await text.readText(img, { readingOrder: 'basic', language: 'en' }, signal);
  return page && page.unit === 'pixel' ? textLogos(page.lines) : [];
}

export function mergeBrands(...signals: BrandResult[][]): BrandResult[] {
  const best = new Map<string, BrandResult>();
  for (const b of signals.flat()) {
    if (b.confidence > (best.get(b.name)?.confidence ?? 0)) best.set(b.name, b);
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}
