// The input batch of face-api's per-face nets, built in JS. face-api gets there through tfjs: an
// int32 crop per face, a zero pad centring it in a square (two concats), a bilinear resize, casts,
// a stack, then subtracting a mean tensor built with a channel concat (slow on wasm) and / 255.
// One pass over the sampled pixels of each face gives the same values.
import type { RawImage } from '../../pool/protocol.js';
import { bilinearSamples } from '../bilinear-sampling.js';
import { clipBox, type BoxLike } from '../face-crops.js';

/** Subtracted from each channel before / 255 by all three nets (face-api's normalize). */
const MEAN_RGB = [122.782, 117.001, 104.298] as const;

export interface FaceBatch {
  /** [faces, size, size, 3]: the padded, resized crops, (rgb - mean) / 255. */
  pixels: Float32Array;
  /** Each crop's size in raster pixels, before padding and resizing. */
  crops: { width: number; height: number }[];
}

/** The crop centred in a black square, as face-api's padToSquare(crop, true) places it. */
function paddedSquare(img: RawImage, { x, y, width, height }: BoxLike): { px: Uint8Array; side: number } {
  const side = Math.max(width, height);
  // round(diff / 2) of padding after the crop, the rest before it.
  const before = Math.abs(width - height) - Math.round(Math.abs(width - height) * 0.5);
  const top = height < width ? before : 0;
  const left = width < height ? before : 0;
  const px = new Uint8Array(side * side * 3);
  for (let r = 0; r < height; r++) {
    const from = ((y + r) * img.width + x) * 3;
    px.set(img.data.subarray(from, from + width * 3), ((top + r) * side + left) * 3);
  }
  return { px, side };
}

/**
 * Faces cropped at `boxes` (clipped and floored as face-api does; empty crops are dropped, as
 * face-api drops them), each centred in a black square and resized to `size` x `size`.
 */
export function faceBatch(img: RawImage, boxes: BoxLike[], size: number): FaceBatch {
  const crops = boxes.map((b) => clipBox(b, img.width, img.height)).filter((c) => c.width > 0 && c.height > 0);
  const pixels = new Float32Array(crops.length * size * size * 3);
  let o = 0;
  for (const crop of crops) {
    const { px, side } = paddedSquare(img, crop);
    const { lo, hi, frac } = bilinearSamples(side, size); // the same for rows and columns
    for (let r = 0; r < size; r++) {
      const top = lo[r]! * side * 3;
      const bottom = hi[r]! * side * 3;
      const fy = frac[r]!;
      for (let c = 0; c < size; c++) {
        const left = lo[c]! * 3;
        const right = hi[c]! * 3;
        const fx = frac[c]!;
        for (let ch = 0; ch < 3; ch++) {
          const tl = px[top + left + ch]!, tr = px[top + right + ch]!;
          const bl = px[bottom + left + ch]!, br = px[bottom + right + ch]!;
          const t = tl + (tr - tl) * fx;
          const b = bl + (br - bl) * fx;
          pixels[o++] = (t + (b - t) * fy - MEAN_RGB[ch]!) / 255;
        }
      }
    }
  }
  return { pixels, crops: crops.map(({ width, height }) => ({ width, height })) };
}
