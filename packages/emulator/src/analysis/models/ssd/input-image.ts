// The SSD's 512x512 input built straight from the RGB raster. face-api gets there through tfjs:
// an int32 copy of the raster, float casts, a zero-filled pad to a square (bottom or right), a
// concat, a bilinear resize (no corner alignment, no half-pixel centres) and x/127.5 - 1, each a
// full pass over a 1024x1024x3 tensor. One pass in JS over the sampled pixels gives the same values.
import type { RawImage } from '../../pool/protocol.js';
import { resizeSquareRgb } from '../bilinear-sampling.js';

export const SSD_INPUT_SIZE = 512;

/** The raster padded with black at the bottom or right to a square (face-api's padToSquare). */
function padToSquare(img: RawImage): Uint8Array {
  const side = Math.max(img.width, img.height);
  // A plain Uint8Array either way (a Buffer here would make the loop below polymorphic).
  if (img.width === img.height)
    return new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.length);
  const out = new Uint8Array(side * side * 3);
  const row = img.width * 3;
  for (let y = 0; y < img.height; y++)
    out.set(img.data.subarray(y * row, y * row + row), y * side * 3);
  return out;
}

/** x / 127.5 - 1: pixels to -1..1. */
const SSD_SCALING = { subtract: [0, 0, 0], divide: 127.5, shift: 1 } as const;

/** The raster padded to a square, resized to 512x512 and scaled to -1..1, as [512 * 512 * 3] floats. */
export function ssdInput(img: RawImage): Float32Array {
  const out = new Float32Array(SSD_INPUT_SIZE * SSD_INPUT_SIZE * 3);
  resizeSquareRgb(
    padToSquare(img),
    Math.max(img.width, img.height),
    SSD_INPUT_SIZE,
    SSD_SCALING,
    out,
    0,
  );
  return out;
}
