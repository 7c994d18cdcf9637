// The SSD's 512x512 input built straight from the RGB raster. face-api gets there through tfjs:
// an int32 copy of the raster, float casts, a zero-filled pad to a square (bottom or right), a
// concat, a bilinear resize (no corner alignment, no half-pixel centres) and x/127.5 - 1, each a
// full pass over a 1024x1024x3 tensor. One pass in JS over the sampled pixels gives the same values.
import type { RawImage } from '../../pool/protocol.js';
import { bilinearSamples } from '../bilinear-sampling.js';

export const SSD_INPUT_SIZE = 512;

/** The raster padded with black at the bottom or right to a square (face-api's padToSquare). */
function padToSquare(img: RawImage): Uint8Array {
  const side = Math.max(img.width, img.height);
  // A plain Uint8Array either way (a Buffer here would make the loop below polymorphic).
  if (img.width === img.height) return new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.length);
  const out = new Uint8Array(side * side * 3);
  const row = img.width * 3;
  for (let y = 0; y < img.height; y++) out.set(img.data.subarray(y * row, y * row + row), y * side * 3);
  return out;
}

/** The raster padded to a square, resized to 512x512 and scaled to -1..1, as [512 * 512 * 3] floats. */
export function ssdInput(img: RawImage): Float32Array {
  const side = Math.max(img.width, img.height);
  const px = padToSquare(img);
  const { lo, hi, frac } = bilinearSamples(side, SSD_INPUT_SIZE); // the same for rows and columns
  const out = new Float32Array(SSD_INPUT_SIZE * SSD_INPUT_SIZE * 3);
  let o = 0;
  for (let r = 0; r < SSD_INPUT_SIZE; r++) {
    const top = lo[r]! * side * 3;
    const bottom = hi[r]! * side * 3;
    const fy = frac[r]!;
    for (let c = 0; c < SSD_INPUT_SIZE; c++) {
      const left = lo[c]! * 3;
      const right = hi[c]! * 3;
      const fx = frac[c]!;
      for (let ch = 0; ch < 3; ch++) {
        const tl = px[top + left + ch]!, tr = px[top + right + ch]!;
        const bl = px[bottom + left + ch]!, br = px[bottom + right + ch]!;
        const t = tl + (tr - tl) * fx;
        const b = bl + (br - bl) * fx;
        out[o++] = (t + (b - t) * fy) / 127.5 - 1;
      }
    }
  }
  return out;
}
