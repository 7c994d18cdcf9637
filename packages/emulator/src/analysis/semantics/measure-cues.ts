// The cheap, model-free measurements the describing features use besides detections.
import { imageTypeFeatures, type ImageTypeFeatures } from '../color/image-type-features.js';
import { PREVIEW_SIDE } from '../image/load-image.js';
import { toRaster } from '../image/raster.js';
import type { LoadedImage } from '../types.js';
import { sceneCues, type SceneCues } from './scene-cues.js';

/** Colour layout is judged on a thumbnail: sky and lawns are large regions. */
const CUE_SIDE = 64;

/**
 * Printed text on a light background: many small separate dark shapes, none dominant, on a mostly
 * white page (on the test images: every text page and scan, no photo, drawing or clip art).
 * Confidence grows with the number of shapes (glyphs): 0.56 for one word, 0.95 for a page.
 */
export function textConfidence(f: ImageTypeFeatures): number {
  if (f.shapes < 10 || f.largestShape >= 0.5 || f.white < 0.6) return 0;
  return 0.5 + 0.45 * Math.min(1, f.shapes / 100);
}

export async function measureCues(img: LoadedImage): Promise<{ cues: SceneCues; text: number }> {
  const [small, preview] = await Promise.all([
    toRaster(img, { maxSide: CUE_SIDE }),
    toRaster(img, { maxSide: PREVIEW_SIDE }),
  ]);
  return { cues: sceneCues(small), text: textConfidence(imageTypeFeatures(preview)) };
}
