// The input batch of face-api's per-face nets, built in JS. face-api gets there through tfjs: an
// int32 crop per face, a zero pad centring it in a square (two concats), a bilinear resize, casts,
// a stack, then subtracting a mean tensor built with a channel concat (slow on wasm) and / 255.
// One pass over the sampled pixels of each face gives the same values.
import type { RawImage } from '../../pool/protocol.js';
import { resizeSquareRgb } from '../bilinear-sampling.js';
import { clipBox, type BoxLike } from '../face-crops.js';

/** (rgb - mean) / 255 for all three nets (face-api's normalize). */
const FACE_SCALING = { subtract: [122.782, 117.001, 104.298], divide: 255, shift: 0 } as const;

export interface FaceBatch {
  /** [faces, size, size, 3]: the padded, resized crops, (rgb - mean) / 255. */
  pixels: Float32Array;
  /** Each crop's size in raster pixels, before padding and resizing. */
  crops: { width: number; height: number }[];
}

/** The crop centred in a black square, as face-api's padToSquare(crop, true) places it. */
function paddedSquare(
  img: RawImage,
  { x, y, width, height }: BoxLike,
): { px: Uint8Array; side: number } {
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
  const crops = boxes
    .map((b) => clipBox(b, img.width, img.height))
    .filter((c) => c.width > 0 && c.height > 0);
  const pixels = new Float32Array(crops.length * size * size * 3);
  let o = 0;
  for (const crop of crops) {
    const { px, side } = paddedSquare(img, crop);
    o = resizeSquareRgb(px, side, size, FACE_SCALING, pixels, o);
  }
  return { pixels, crops: crops.map(({ width, height }) => ({ width, height })) };
}
