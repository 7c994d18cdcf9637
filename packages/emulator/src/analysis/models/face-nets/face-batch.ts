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

/**
 * Per padded-square coordinate along one axis, the raster offset it reads (in bytes of the row
 * or column), or -1 where the square is padding.
 */
function offsets(side: number, pad: number, start: number, length: number, stride: number): Int32Array {
  const out = new Int32Array(side);
  for (let p = 0; p < side; p++) {
    const at = p - pad;
    out[p] = at >= 0 && at < length ? (start + at) * stride : -1;
  }
  return out;
}

/**
 * Faces cropped at `boxes` (clipped and floored as face-api does; empty crops are dropped, as
 * face-api drops them), each centred in a black square and resized to `size` x `size`.
 */
export function faceBatch(img: RawImage, boxes: BoxLike[], size: number): FaceBatch {
  const crops = boxes.map((b) => clipBox(b, img.width, img.height)).filter((c) => c.width > 0 && c.height > 0);
  const pixels = new Float32Array(crops.length * size * size * 3);
  const px = img.data;
  let o = 0;
  for (const { x, y, width, height } of crops) {
    const side = Math.max(width, height);
    // face-api's padToSquare: round(diff / 2) after the crop, the rest before it.
    const before = Math.abs(width - height) - Math.round(Math.abs(width - height) * 0.5);
    const rowAt = offsets(side, height < width ? before : 0, y, height, img.width * 3);
    const colAt = offsets(side, width < height ? before : 0, x, width, 3);
    const { lo, hi, frac } = bilinearSamples(side, size); // the same for rows and columns
    for (let r = 0; r < size; r++) {
      const top = rowAt[lo[r]!]!;
      const bottom = rowAt[hi[r]!]!;
      const fy = frac[r]!;
      for (let c = 0; c < size; c++) {
        const left = colAt[lo[c]!]!;
        const right = colAt[hi[c]!]!;
        const fx = frac[c]!;
        for (let ch = 0; ch < 3; ch++) {
          const tl = top < 0 || left < 0 ? 0 : px[top + left + ch]!;
          const tr = top < 0 || right < 0 ? 0 : px[top + right + ch]!;
          const bl = bottom < 0 || left < 0 ? 0 : px[bottom + left + ch]!;
          const br = bottom < 0 || right < 0 ? 0 : px[bottom + right + ch]!;
          const t = tl + (tr - tl) * fx;
          const b = bl + (br - bl) * fx;
          pixels[o++] = (t + (b - t) * fy - MEAN_RGB[ch]!) / 255;
        }
      }
    }
  }
  return { pixels, crops: crops.map(({ width, height }) => ({ width, height })) };
}
