// A cheap look at a page before any network runs: a printed document shows hundreds of separate
// letter-sized dark marks on a flat light ground. Such a page goes straight to tesseract, which
// reads level print as well as PP-OCR and several times faster, so the PP-OCR detector (seconds
// on a dense page) is not run just to learn that. Measured on testdata (bench/text-accuracy.ts):
// the dense magazine page has 3,183 letter marks on 65 % flat ground; the next most, 379 (the
// multilingual eurotext scan); handwriting 8-42 (a hand joins its letters); photos fail the flat
// ground test (6-39 % of their pixels near their commonest grey). Counting takes 1-100 ms.
import type { RgbRaster } from './ppocr/crop-sampler.js';

/** Share of the pixels within GROUND_SPREAD grey levels of the commonest one: paper, not a photo. */
const MIN_GROUND_SHARE = 0.5;
const GROUND_SPREAD = 3;
/** Ink is this many grey levels darker than the ground. */
const INK_BELOW_GROUND = 80;
/** This many letter-sized marks make a dense printed page. */
export const DENSE_MIN_LETTERS = 800;
/** A letter-sized mark: 5 px to 1/20 of the page high, at most 3 heights wide, 8+ pixels. */
const LETTER_MIN_HEIGHT = 5;
const LETTER_MAX_WIDTH_RATIO = 3;
const LETTER_MIN_AREA = 8;

function greyOf(r: RgbRaster): Uint8Array {
  const n = r.width * r.height;
  const grey = new Uint8Array(n);
  for (let i = 0, o = 0; i < n; i++, o += 3)
    grey[i] = (77 * r.data[o]! + 150 * r.data[o + 1]! + 29 * r.data[o + 2]!) >> 8;
  return grey;
}

/** The commonest grey level and the share of pixels within GROUND_SPREAD of it. */
function ground(grey: Uint8Array): { level: number; share: number } {
  const hist = new Uint32Array(256);
  for (const v of grey) hist[v]!++;
  let level = 0;
  for (let v = 1; v < 256; v++) if (hist[v]! > hist[level]!) level = v;
  let near = 0;
  for (let v = Math.max(0, level - GROUND_SPREAD); v <= Math.min(255, level + GROUND_SPREAD); v++)
    near += hist[v]!;
  return { level, share: near / grey.length };
}

/**
 * Letter-sized connected marks (4-connected pixels darker than `below`), counted up to `enough`
 * (the count stops there: a dense page need not be counted to the end).
 */
export function countLetterMarks(
  grey: Uint8Array,
  width: number,
  height: number,
  below: number,
  enough = Infinity,
): number {
  const seen = new Uint8Array(grey.length);
  const stack = new Int32Array(grey.length);
  const maxHeight = Math.max(LETTER_MIN_HEIGHT, height / 20);
  let letters = 0;
  for (let s = 0; s < grey.length && letters < enough; s++) {
    if (seen[s] || grey[s]! >= below) continue;
    let [x0, x1, y0, y1, area, top] = [width, 0, height, 0, 0, 0];
    seen[s] = 1;
    stack[top++] = s;
    while (top) {
      const p = stack[--top]!;
      const [x, y] = [p % width, (p / width) | 0];
      area++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const next = [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, p - width, p + width];
      for (const q of next) {
        if (q < 0 || q >= grey.length || seen[q] || grey[q]! >= below) continue;
        seen[q] = 1;
        stack[top++] = q;
      }
    }
    const [w, h] = [x1 - x0 + 1, y1 - y0 + 1];
    if (h >= LETTER_MIN_HEIGHT && h <= maxHeight && w <= LETTER_MAX_WIDTH_RATIO * h)
      if (area >= LETTER_MIN_AREA) letters++;
  }
  return letters;
}

/** Whether the page is plainly a dense printed document (dark letters on a flat light ground). */
export function looksLikeDensePrint(r: RgbRaster): boolean {
  const grey = greyOf(r);
  const { level, share } = ground(grey);
  if (share < MIN_GROUND_SHARE || level < INK_BELOW_GROUND) return false;
  const below = level - INK_BELOW_GROUND;
  return countLetterMarks(grey, r.width, r.height, below, DENSE_MIN_LETTERS) >= DENSE_MIN_LETTERS;
}
