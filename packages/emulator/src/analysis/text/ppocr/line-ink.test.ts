// Word gaps from a line's ink, on drawn lines (no network runs).
import { describe, expect, it } from 'vitest';
import type { RgbRaster } from './crop-sampler.js';
import { wordGaps } from './line-ink.js';

/** A white 48-row strip `width` wide with black rectangles [x0, y0, x1, y1). */
function strip(width: number, rects: [number, number, number, number][]): RgbRaster {
  const data = new Uint8Array(width * 48 * 3).fill(255);
  for (const [x0, y0, x1, y1] of rects)
    for (let y = y0; y < y1; y++) data.fill(0, (y * width + x0) * 3, (y * width + x1) * 3);
  return { data, width, height: 48 };
}
const lineBox = (width: number) => ({
  cx: width / 2,
  cy: 24,
  ux: 1,
  uy: 0,
  length: width,
  thickness: 48,
});
/** Letter bodies 12 wide, 3 apart, from x for the middle rows of the strip. */
const letters = (x: number, n: number): [number, number, number, number][] =>
  Array.from({ length: n }, (_, i) => [x + i * 15, 14, x + i * 15 + 12, 40]);

describe('word gaps', () => {
  it('puts no space under the bar of a T that overhangs the next letter, one between words', () => {
    // "T" (bar over rows 2-6 reaching x 41, stem at 23-28), then letters from 44: the blank
    // under the bar is 16 columns wide in the letters' middle rows, yet no word space.
    const raster = strip(240, [
      [10, 2, 42, 7],
      [23, 2, 28, 40],
      ...letters(44, 5),
      ...letters(150, 4),
    ]);
    const gaps = wordGaps(raster, lineBox(240), 240);
    // Only the 34-column blank between the words (x 116..149).
    expect(gaps).toEqual([133]);
  });

  it('still cuts at a wide blank beside a T whose bar does not reach over it', () => {
    const raster = strip(240, [
      [10, 2, 42, 7],
      [23, 2, 28, 40],
      ...letters(70, 4),
      ...letters(150, 4),
    ]);
    expect(wordGaps(raster, lineBox(240), 240)).toEqual([56, 138.5]);
  });
});
