// Cuts a rotated text box out of an RGB raster straight into a network's input tensor: upright,
// scaled to the tensor's height, normalised to -1..1 in BGR order (as PaddleOCR feeds its nets).
import { corners, type TextBox } from './text-box.js';

export interface RgbRaster {
  data: Uint8Array;
  width: number;
  height: number;
}

/** An NCHW float tensor being filled: `width` x `height` per channel, 3 channels per item. */
export interface TensorTarget {
  data: Float32Array;
  width: number;
  height: number;
}

function bilinear(r: RgbRaster, x: number, y: number, c: number): number {
  const fx = Math.min(r.width - 1, Math.max(0, x - 0.5));
  const fy = Math.min(r.height - 1, Math.max(0, y - 0.5));
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(r.width - 1, x0 + 1);
  const y1 = Math.min(r.height - 1, y0 + 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const at = (xx: number, yy: number): number => r.data[(yy * r.width + xx) * 3 + c]!;
  return (
    (at(x0, y0) * (1 - ax) + at(x1, y0) * ax) * (1 - ay) +
    (at(x0, y1) * (1 - ax) + at(x1, y1) * ax) * ay
  );
}

/**
 * Writes `box` into item `item` of `target`, `outWidth` pixels wide (the rest of the row keeps
 * its padding value 0). Shrinking averages several samples per pixel so thin strokes survive.
 */
export function sampleBox(
  r: RgbRaster,
  box: TextBox,
  target: TensorTarget,
  item: number,
  outWidth: number,
): void {
  const [tl] = corners(box);
  const { height: outH, width: tensorW, data } = target;
  const stepU = box.length / outWidth;
  const stepV = box.thickness / outH;
  const n = Math.min(4, Math.max(1, Math.ceil(Math.max(stepU, stepV))));
  const plane = outH * tensorW;
  const base = item * 3 * plane;
  const vx = -box.uy;
  const vy = box.ux;
  for (let j = 0; j < outH; j++) {
    for (let i = 0; i < outWidth; i++) {
      let [b, g, rr] = [0, 0, 0];
      for (let sj = 0; sj < n; sj++) {
        const v = (j + (sj + 0.5) / n) * stepV;
        for (let si = 0; si < n; si++) {
          const u = (i + (si + 0.5) / n) * stepU;
          const x = tl.x + box.ux * u + vx * v;
          const y = tl.y + box.uy * u + vy * v;
          rr += bilinear(r, x, y, 0);
          g += bilinear(r, x, y, 1);
          b += bilinear(r, x, y, 2);
        }
      }
      const k = n * n * 127.5;
      const o = base + j * tensorW + i;
      data[o] = b / k - 1;
      data[o + plane] = g / k - 1;
      data[o + 2 * plane] = rr / k - 1;
    }
  }
}

/**
 * Stretches the contrast of item `item` (its first `outWidth` columns) so its 2nd and 98th
 * percentiles become black and white: faint writing (a whiteboard, pencil) reads better.
 */
export function stretchContrast(target: TensorTarget, item: number, outWidth: number): void {
  const { height: h, width: w, data } = target;
  const plane = h * w;
  const base = item * 3 * plane;
  const lum: number[] = [];
  for (let j = 0; j < h; j++)
    for (let i = 0; i < outWidth; i++) {
      const o = base + j * w + i;
      lum.push((data[o]! + data[o + plane]! + data[o + 2 * plane]!) / 3);
    }
  lum.sort((a, b) => a - b);
  const lo = lum[Math.floor(lum.length * 0.02)]!;
  const hi = lum[Math.floor(lum.length * 0.98)]!;
  if (hi - lo < 0.05) return;
  const k = 2 / (hi - lo);
  for (let c = 0; c < 3; c++)
    for (let j = 0; j < h; j++)
      for (let i = 0; i < outWidth; i++) {
        const o = base + c * plane + j * w + i;
        data[o] = Math.max(-1, Math.min(1, (data[o]! - lo) * k - 1));
      }
}
