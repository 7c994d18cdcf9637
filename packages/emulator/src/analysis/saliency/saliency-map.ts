import { rgbToOklab } from '../color/oklab.js';
import { PREVIEW_SIDE } from '../image/load-image.js';
import { toRaster } from '../image/raster.js';
import type { LoadedImage, Rect } from '../types.js';
import { boxBlur } from './box-blur.js';

/** Per-pixel saliency of a small raster; `scale` = map px / original px. */
export interface SaliencyMap {
  values: Float32Array;
  width: number;
  height: number;
  scale: number;
}

const BORDER = 0.1;
const SAMPLE_STEP = 2;

function normalise(v: Float32Array): Float32Array {
  let max = 0;
  for (const x of v) max = Math.max(max, x);
  if (max > 0) for (let i = 0; i < v.length; i++) v[i]! /= max;
  return v;
}

/** Mean of each OKLab channel over the pixels that `pick` selects. */
function meanLab(lab: Float32Array[], pick: (i: number) => boolean): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < lab[0]!.length; i++) {
    if (!pick(i)) continue;
    for (let k = 0; k < 3; k++) sum[k]! += lab[k]![i]!;
    n++;
  }
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

function distanceTo(lab: Float32Array[], ref: [number, number, number]): Float32Array {
  const [l, a, b] = lab as [Float32Array, Float32Array, Float32Array];
  const out = new Float32Array(l.length);
  for (let i = 0; i < l.length; i++)
    out[i] = Math.sqrt((l[i]! - ref[0]) ** 2 + (a[i]! - ref[1]) ** 2 + (b[i]! - ref[2]) ** 2);
  return out;
}

// Cues, each normalised to 0..1: colour contrast to the image mean (frequency-tuned saliency,
// Achanta et al. 2009), contrast to the border colour (what differs from the background), and
// the local density of edges (detail, texture, text), all weighted by a mild centre prior.
const cache = new WeakMap<LoadedImage, Promise<SaliencyMap>>();

async function compute(img: LoadedImage): Promise<SaliencyMap> {
  const r = await toRaster(img, { maxSide: PREVIEW_SIDE });
  // Every other pixel of the shared preview: about 128 x 128 samples are plenty for a crop.
  const w = Math.ceil(r.width / SAMPLE_STEP);
  const h = Math.ceil(r.height / SAMPLE_STEP);
  const n = w * h;
  const lab = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let i = 0; i < n; i++) {
    const o = (Math.floor(i / w) * SAMPLE_STEP * r.width + (i % w) * SAMPLE_STEP) * 3;
    const c = rgbToOklab(r.data[o]!, r.data[o + 1]!, r.data[o + 2]!);
    lab[0]![i] = c.l;
    lab[1]![i] = c.a;
    lab[2]![i] = c.b;
  }
  const blurred = lab.map((ch) => boxBlur(ch, w, h, 1));
  const bw = Math.max(1, Math.round(w * BORDER));
  const bh = Math.max(1, Math.round(h * BORDER));
  const isBorder = (i: number): boolean => {
    const x = i % w;
    const y = (i - x) / w;
    return x < bw || y < bh || x >= w - bw || y >= h - bh;
  };
  const global = normalise(
    distanceTo(
      blurred,
      meanLab(blurred, () => true),
    ),
  );
  const border = normalise(distanceTo(blurred, meanLab(blurred, isBorder)));
  const grad = new Float32Array(n);
  const L = blurred[0]!;
  for (let y = 0; y < h - 1; y++) {
    for (let x = 0; x < w - 1; x++) {
      const i = y * w + x;
      grad[i] = Math.abs(L[i + 1]! - L[i]!) + Math.abs(L[i + w]! - L[i]!);
    }
  }
  const edges = normalise(boxBlur(grad, w, h, Math.max(2, Math.round(Math.max(w, h) / 32))));
  const values = new Float32Array(n);
  for (let y = 0, i = 0; y < h; y++) {
    for (let x = 0; x < w; x++, i++) {
      const centre = Math.exp(-(((x / w - 0.5) ** 2 + (y / h - 0.5) ** 2) / (2 * 0.3 ** 2)));
      values[i] = (0.2 * global[i]! + 0.5 * border[i]! + 0.3 * edges[i]!) * (0.7 + 0.3 * centre);
    }
  }
  return { values: normalise(values), width: w, height: h, scale: r.scale / SAMPLE_STEP };
}

/** The saliency map of an image, computed once per image. */
export function saliencyMap(img: LoadedImage): Promise<SaliencyMap> {
  let m = cache.get(img);
  if (!m) cache.set(img, (m = compute(img)));
  return m;
}

/** A copy of the map where faces (in original pixels) are the most salient thing there is. */
export function withFaces(map: SaliencyMap, faces: readonly Rect[]): Float32Array {
  const values = Float32Array.from(map.values);
  for (const f of faces) {
    const x0 = Math.max(0, Math.floor(f.x * map.scale));
    const y0 = Math.max(0, Math.floor(f.y * map.scale));
    const x1 = Math.min(map.width, Math.ceil((f.x + f.w) * map.scale));
    const y1 = Math.min(map.height, Math.ceil((f.y + f.h) * map.scale));
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) values[y * map.width + x]! += 2;
  }
  return values;
}
