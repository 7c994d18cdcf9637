import type { Rect } from '../types.js';
import type { SaliencyMap } from './saliency-map.js';

/** The largest window of the aspect ratio tw:th that fits in a w x h image (at least 1 x 1). */
export function fillWindow(w: number, h: number, tw: number, th: number): { w: number; h: number } {
  const aspect = tw / th;
  return w / h > aspect
    ? { w: Math.max(1, Math.min(w, Math.round(h * aspect))), h }
    : { w, h: Math.max(1, Math.min(h, Math.round(w / aspect))) };
}

/** Smallest rect holding all the rects. */
export function unionOf(rects: readonly Rect[]): Rect | undefined {
  if (!rects.length) return undefined;
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.w));
  const y1 = Math.max(...rects.map((r) => r.y + r.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

function integral(values: Float32Array, w: number, h: number): Float64Array {
  const s = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += values[y * w + x]!;
      s[(y + 1) * (w + 1) + x + 1] = s[y * (w + 1) + x + 1]! + row;
    }
  }
  return s;
}

/** min, min + step, ... and max itself (empty when max < min). */
function positions(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = min; v < max; v += step) out.push(v);
  if (max >= min) out.push(max);
  return out;
}

/**
 * Where to put a ww x wh window (original pixels) in an image of imgW x imgH: the position with
 * the most saliency inside. When all faces fit in the window together, only positions holding
 * all of them are considered; otherwise the faces' weight in `values` pulls the window to them.
 */
export function placeWindow(
  map: SaliencyMap,
  values: Float32Array,
  imgW: number,
  imgH: number,
  ww: number,
  wh: number,
  faces: readonly Rect[],
): { x: number; y: number } {
  let [minX, maxX, minY, maxY] = [0, imgW - ww, 0, imgH - wh];
  const u = unionOf(faces);
  if (u && u.w <= ww && u.h <= wh) {
    minX = Math.max(minX, Math.ceil(u.x + u.w - ww));
    maxX = Math.min(maxX, Math.floor(u.x));
    minY = Math.max(minY, Math.ceil(u.y + u.h - wh));
    maxY = Math.min(maxY, Math.floor(u.y));
  }
  const { width: mw, height: mh, scale } = map;
  const sum = integral(values, mw, mh);
  const boxSum = (x0: number, y0: number, x1: number, y1: number): number =>
    sum[y1 * (mw + 1) + x1]! -
    sum[y0 * (mw + 1) + x1]! -
    sum[y1 * (mw + 1) + x0]! +
    sum[y0 * (mw + 1) + x0]!;
  // Step one map pixel at a time (in original pixels: 1/scale); ties go to the centred window.
  const step = Math.max(1, 1 / scale);
  let best = { x: Math.round((minX + maxX) / 2), y: Math.round((minY + maxY) / 2) };
  let bestScore = -Infinity;
  for (const y of positions(minY, maxY, step)) {
    for (const x of positions(minX, maxX, step)) {
      const x0 = Math.min(mw, Math.round(x * scale));
      const y0 = Math.min(mh, Math.round(y * scale));
      const x1 = Math.min(mw, Math.max(x0 + 1, Math.round((x + ww) * scale)));
      const y1 = Math.min(mh, Math.max(y0 + 1, Math.round((y + wh) * scale)));
      const offCentre = Math.abs(x + ww / 2 - imgW / 2) + Math.abs(y + wh / 2 - imgH / 2);
      const score = boxSum(x0, y0, x1, y1) - offCentre * 1e-6;
      if (score > bestScore) {
        bestScore = score;
        best = { x: Math.round(x), y: Math.round(y) };
      }
    }
  }
  return best;
}
