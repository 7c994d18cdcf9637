import { PREVIEW_SIDE } from '../image/load-image.js';
import { toRaster } from '../image/raster.js';
import type { ImageTypeResult, LoadedImage } from '../types.js';
import { imageTypeFeatures, type ImageTypeFeatures } from './image-type-features.js';

// Thresholds were set on the test images (photos, grey photos, clip art, a line drawing, text
// pages); see ANALYSIS.md. A grey image is judged by its luma tones, a colour one by its colours.

/** Many small separate dark shapes on white, none dominant: printed text, not a graphic. */
const isTextPage = (f: ImageTypeFeatures): boolean =>
  f.shapes >= 10 && f.largestShape < 0.5 && f.white >= 0.6;

function clipArtType(f: ImageTypeFeatures): ImageTypeResult['clipArtType'] {
  const colourful = f.saturation >= 20;
  const tones = colourful ? f.colors90 : f.greys90;
  if (tones > (colourful ? 32 : 24) || isTextPage(f)) return 0;
  if (f.flat < 0.6) return 1;
  return f.flat >= 0.7 && tones <= (colourful ? 20 : 16) ? 3 : 2;
}

function lineDrawingType(f: ImageTypeFeatures): ImageTypeResult['lineDrawingType'] {
  const strokesOnWhite = f.white >= 0.6 && f.dark >= 0.02 && f.dark <= 0.35;
  // Thin (few pixels survive erosion), uncoloured, and mostly connected into one figure.
  return strokesOnWhite &&
    f.thick <= 0.2 &&
    f.saturation < 30 &&
    f.largestShape >= 0.3 &&
    !isTextPage(f)
    ? 1
    : 0;
}

/**
 * Clip art likelihood (0 none, 1 ambiguous, 2 normal, 3 good) and line drawing (0/1), from
 * measurable cues on a small raster: how few colours or tones cover 90 % of it, how much of it
 * is perfectly flat, and for line drawings thin dark strokes on white forming one figure.
 */
export async function classifyImageType(img: LoadedImage): Promise<ImageTypeResult> {
  const f = imageTypeFeatures(await toRaster(img, { maxSide: PREVIEW_SIDE }));
  return { clipArtType: clipArtType(f), lineDrawingType: lineDrawingType(f) };
}
