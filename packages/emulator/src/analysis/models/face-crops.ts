// Face crops for face-api's per-face nets, cut from the raw pixels in JS. face-api's own
// extractFaceTensors slices the image tensor with tfjs-wasm's Slice kernel, which copies one pixel
// at a time in JS: 13-17 ms per 150 px face, 80-105 ms per pass over the six faces of the family
// photo (two or three passes per image). Copying whole rows gives the same pixels in well under 1 ms.
import type { RawImage } from '../pool/protocol.js';
import type { FaceApiModule } from './face-api-runtime.js';

export interface BoxLike {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Tensor3D = ReturnType<FaceApiModule['tf']['tensor3d']>;

/** The box clipped to the image and floored, exactly as face-api's Box.clipAtImageBorders does. */
export function clipBox(b: BoxLike, width: number, height: number): BoxLike {
  const x = Math.max(b.x, 0);
  const y = Math.max(b.y, 0);
  const w = Math.min(b.x + b.width - x, width - x);
  const h = Math.min(b.y + b.height - y, height - y);
  return { x: Math.floor(x), y: Math.floor(y), width: Math.floor(w), height: Math.floor(h) };
}

/** One int32 RGB tensor per box with a non-empty area (face-api drops empty ones too). */
export function cropFaces(api: FaceApiModule, img: RawImage, boxes: BoxLike[]): Tensor3D[] {
  const crops: Tensor3D[] = [];
  for (const box of boxes) {
    const { x, y, width, height } = clipBox(box, img.width, img.height);
    if (width <= 0 || height <= 0) continue;
    const out = new Int32Array(width * height * 3);
    const rowLen = width * 3;
    for (let r = 0; r < height; r++) {
      const from = ((y + r) * img.width + x) * 3;
      out.set(img.data.subarray(from, from + rowLen), r * rowLen);
    }
    crops.push(api.tf.tensor3d(out, [height, width, 3], 'int32'));
  }
  return crops;
}
