import type { LoadedImage, Rect } from '../types.js';
import { unionOf } from './crop-window.js';
import { saliencyMap, withFaces } from './saliency-map.js';

/** Share of the salient pixels trimmed off each side of each axis (stray specks). */
const TRIM = 0.02;
/** A pixel is salient at this share of the map's maximum. */
const SALIENT = 0.3;

/** The interval of a 1-D mass distribution that leaves TRIM of the mass out on each side. */
function trimmedInterval(mass: Float64Array): [number, number] {
  const total = mass.reduce((a, b) => a + b, 0);
  let lo = 0;
  let hi = mass.length;
  for (let acc = 0; lo < mass.length && acc + mass[lo]! <= total * TRIM; lo++) acc += mass[lo]!;
  for (let acc = 0; hi > lo + 1 && acc + mass[hi - 1]! <= total * TRIM; hi--) acc += mass[hi - 1]!;
  return [lo, hi];
}

/**
 * The region that matters most, in original pixels: the bounding box of the salient pixels
 * (at least 30 % of the peak saliency, faces boosted), trimmed of 2 % stray pixels on each side
 * of each axis. It always holds every face.
 */
export async function areaOfInterest(img: LoadedImage, faces: readonly Rect[]): Promise<Rect> {
  const map = await saliencyMap(img);
  const values = withFaces(map, faces);
  const cols = new Float64Array(map.width);
  const rows = new Float64Array(map.height);
  let peak = 0;
  for (const v of values) peak = Math.max(peak, v);
  for (let y = 0, i = 0; y < map.height; y++) {
    for (let x = 0; x < map.width; x++, i++) {
      const v = values[i]! >= SALIENT * peak ? 1 : 0;
      cols[x] = cols[x]! + v;
      rows[y] = rows[y]! + v;
    }
  }
  const [x0, x1] = trimmedInterval(cols);
  const [y0, y1] = trimmedInterval(rows);
  const clampX = (v: number): number => Math.max(0, Math.min(img.width, Math.round(v / map.scale)));
  const clampY = (v: number): number =>
    Math.max(0, Math.min(img.height, Math.round(v / map.scale)));
  const salient = {
    x: clampX(x0),
    y: clampY(y0),
    w: clampX(x1) - clampX(x0),
    h: clampY(y1) - clampY(y0),
  };
  const all = unionOf([salient, ...faces])!;
  const x = Math.max(0, all.x);
  const y = Math.max(0, all.y);
  return {
    x,
    y,
    w: Math.min(img.width, all.x + all.w) - x,
    h: Math.min(img.height, all.y + all.h) - y,
  };
}
