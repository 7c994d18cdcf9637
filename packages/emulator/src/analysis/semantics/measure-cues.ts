// The cheap, model-free measurements the describing features use besides detections.
import { imageTypeFeatures, type ImageTypeFeatures } from '../color/image-type-features.js';
import { PREVIEW_SIDE } from '../image/load-image.js';
import { toRaster } from '../image/raster.js';
import type { LoadedImage } from '../types.js';
import { sceneCues, type SceneCues } from './scene-cues.js';
import { straightEdges } from './straight-edges.js';

/** Colour layout is judged on a thumbnail: sky and lawns are large regions. */
const CUE_SIDE = 64;

/**
 * Straight edges need more detail than colour layout: measured on the preview halved to about
 * 128 px of grey (2x2 means; the preview is decoded already, so this costs no decode).
 */
function halfGrey(px: { data: Uint8Array; width: number; height: number; channels: number }) {
  const { data: d, channels: c } = px;
  const step = px.width > 128 || px.height > 128 ? 2 : 1;
  const width = Math.floor(px.width / step);
  const height = Math.floor(px.height / step);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < step; dy++) {
        for (let dx = 0; dx < step; dx++) {
          const o = ((y * step + dy) * px.width + x * step + dx) * c;
          sum += c >= 3 ? 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]! : d[o]!;
        }
      }
      data[y * width + x] = Math.round(sum / (step * step));
    }
  }
  return { data, width, height };
}

/** An uncoloured picture: mean colourfulness of its non-white pixels at most this (0-255). */
const UNCOLOURED = 10;
/** Without a white page, it takes this many dark shapes to be writing rather than a grey photo. */
const GREY_PAGE_MIN_SHAPES = 40;

/**
 * Text on a page: many small separate dark shapes, none dominant, on a mostly white page, or on
 * a grey one (paper photographed in dim or uneven light) when the picture is uncoloured and the
 * shapes are many. On the test images: every text page and scan and the handwriting on grey
 * paper, no photo, drawing or clip art (uncoloured photos have at most 30 shapes, one of them
 * holding most of the ink; 22 other photos: none). Confidence grows with the number of shapes
 * (glyphs): 0.56 for one word, 0.95 for a page.
 */
export function textConfidence(f: ImageTypeFeatures): number {
  if (f.shapes < 10 || f.largestShape >= 0.5) return 0;
  const greyPage = f.saturation <= UNCOLOURED && f.shapes >= GREY_PAGE_MIN_SHAPES;
  if (f.white < 0.6 && !greyPage) return 0;
  return 0.5 + 0.45 * Math.min(1, f.shapes / 100);
}

export async function measureCues(img: LoadedImage): Promise<{ cues: SceneCues; text: number }> {
  const [small, preview] = await Promise.all([
    toRaster(img, { maxSide: CUE_SIDE }),
    toRaster(img, { maxSide: PREVIEW_SIDE }),
  ]);
  return {
    cues: { ...sceneCues(small), straightEdges: straightEdges(halfGrey(preview)) },
    text: textConfidence(imageTypeFeatures(preview)),
  };
}
