// Ink of a text line: its upright grey crop, binarised, and the gaps between words it shows.
import type { RgbRaster } from './crop-sampler.js';
import type { TextBox } from './text-box.js';

export const CROP_HEIGHT = 48;

/** Grey crop of the box, upright, CROP_HEIGHT rows (nearest-neighbour samples; enough here). */
export function greyCrop(r: RgbRaster, b: TextBox, width: number): Float32Array {
  const grey = new Float32Array(width * CROP_HEIGHT);
  const [vx, vy] = [-b.uy, b.ux];
  const x0 = b.cx - (b.ux * b.length) / 2 - (vx * b.thickness) / 2;
  const y0 = b.cy - (b.uy * b.length) / 2 - (vy * b.thickness) / 2;
  for (let j = 0; j < CROP_HEIGHT; j++) {
    const v = ((j + 0.5) / CROP_HEIGHT) * b.thickness;
    for (let i = 0; i < width; i++) {
      const u = ((i + 0.5) / width) * b.length;
      const x = Math.min(r.width - 1, Math.max(0, Math.floor(x0 + b.ux * u + vx * v)));
      const y = Math.min(r.height - 1, Math.max(0, Math.floor(y0 + b.uy * u + vy * v)));
      const o = (y * r.width + x) * 3;
      grey[j * width + i] = 0.299 * r.data[o]! + 0.587 * r.data[o + 1]! + 0.114 * r.data[o + 2]!;
    }
  }
  return grey;
}

/** Otsu's threshold of grey values 0..255. */
function otsu(grey: Float32Array): number {
  const hist = new Array<number>(256).fill(0);
  for (const g of grey) hist[Math.min(255, Math.max(0, Math.round(g)))]!++;
  const total = grey.length;
  const sumAll = hist.reduce((s, n, i) => s + n * i, 0);
  let [best, bestVar, wB, sumB] = [127, -1, 0, 0];
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB || wB === total) continue;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / (total - wB);
    const between = wB * (total - wB) * (mB - mF) ** 2;
    if (between > bestVar) [best, bestVar] = [t, between];
  }
  return best;
}

/** Ink pixels (1) of a grey crop: the minority side of Otsu's threshold, so light text works too. */
export function inkMask(grey: Float32Array): Uint8Array {
  const t = otsu(grey);
  let dark = 0;
  for (const g of grey) if (g <= t) dark++;
  const inkIsDark = dark <= grey.length / 2;
  const ink = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) ink[i] = (inkIsDark ? grey[i]! <= t : grey[i]! > t) ? 1 : 0;
  return ink;
}

/**
 * A blank run this share of the crop's height wide is a word space. The detector's boxes are
 * about twice as thick as the text they hold, so this is ~0.4 text heights: a word space in
 * print is 0.25 to 0.35 em, the gap between letters far less.
 */
export const SPACE_RATIO = 0.2;
/** ... and this many times the line's median gap between inked columns. */
const SPACE_OVER_USUAL = 2.5;
/** The middle of the crop is the line's own: neighbouring lines reach into its top and bottom. */
const CORE = [0.22, 0.78] as const;

/**
 * Rows of the line's own ink: the core, grown up and down while rows hold ink. A letter's cap or
 * tail outside the core (the bar of a "T" overhanging the "e" beside it) still closes the gap
 * under it; a neighbouring line stays out where a blank row separates it.
 */
function inkBand(ink: Uint8Array, width: number): [number, number] {
  const rowInked = (j: number): boolean => {
    for (let i = 0, o = j * width; i < width; i++, o++) if (ink[o]) return true;
    return false;
  };
  let top = Math.round(CORE[0] * CROP_HEIGHT);
  let bottom = Math.round(CORE[1] * CROP_HEIGHT);
  while (top > 0 && rowInked(top - 1)) top--;
  while (bottom < CROP_HEIGHT && rowInked(bottom)) bottom++;
  return [top, bottom];
}

/** Blank runs [from, to) between inked columns, ink looked for in rows [top, bottom). */
function blankRuns(
  ink: Uint8Array,
  width: number,
  top: number,
  bottom: number,
): [number, number][] {
  const inked = (i: number): boolean => {
    for (let j = top; j < bottom; j++) if (ink[j * width + i]) return true;
    return false;
  };
  const runs: [number, number][] = [];
  let runStart = -1;
  let seenInk = false;
  for (let i = 0; i < width; i++) {
    if (inked(i)) {
      if (seenInk && runStart >= 0) runs.push([runStart, i]);
      runStart = -1;
      seenInk = true;
    } else if (runStart < 0) runStart = i;
  }
  return runs;
}

/** Centres (crop columns, of `width`) of the blank runs between inked columns as wide as a space. */
export function wordGaps(r: RgbRaster, box: TextBox, width: number): number[] {
  const ink = inkMask(greyCrop(r, box, width));
  const core = blankRuns(
    ink,
    width,
    Math.round(CORE[0] * CROP_HEIGHT),
    Math.round(CORE[1] * CROP_HEIGHT),
  );
  // Widely tracked type (labels, headings) has wide gaps between all its letters: a space must
  // also be clearly wider than the line's usual gap (between the letters' bodies).
  const widths = core.map(([a, b]) => b - a).sort((a, b) => a - b);
  const usual = widths[Math.floor(widths.length / 2)] ?? 0;
  const min = Math.max(SPACE_RATIO * CROP_HEIGHT, SPACE_OVER_USUAL * usual);
  // ... and blank from the tops of the letters to their tails.
  return blankRuns(ink, width, ...inkBand(ink, width))
    .filter(([a, b]) => b - a >= min)
    .map(([a, b]) => (a + b) / 2);
}

/**
 * How unevenly the ground behind a line is lit: the spread (grey levels) of its brightness
 * (80th percentile) over the line's four quarters. 0 for a scan or a rendered page; tens of
 * levels for a photo of a page in uneven light.
 */
export function groundUnevenness(r: RgbRaster, box: TextBox): number {
  const width = Math.max(8, Math.round((CROP_HEIGHT * box.length) / box.thickness));
  const grey = greyCrop(r, box, width);
  const levels = [0, 1, 2, 3].map((k) => {
    const v: number[] = [];
    const [from, to] = [Math.floor((k * width) / 4), Math.floor(((k + 1) * width) / 4)];
    for (let j = 0; j < CROP_HEIGHT; j++)
      for (let i = from; i < to; i++) v.push(grey[j * width + i]!);
    v.sort((a, b) => a - b);
    return v[Math.floor(v.length * 0.8)] ?? 0;
  });
  return Math.max(...levels) - Math.min(...levels);
}
