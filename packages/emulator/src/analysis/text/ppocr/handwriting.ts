// Handwriting or print, from how regularly a line's letters sit on their baseline. Type puts
// every letter's foot on one straight line (only descenders dip below it); a hand does not, so
// the lowest ink of each column scatters. Measured on the line's own upright crop, so skew and
// rotation of the whole line do not count.
import type { RgbRaster } from './crop-sampler.js';
import { CROP_HEIGHT, greyCrop, inkMask } from './line-ink.js';
import type { TextBox } from './text-box.js';

/**
 * Rows of the crop searched for a column's lowest ink: the detector's box is about twice as
 * thick as its text, so the neighbouring lines of dense print reach into its top and bottom.
 */
const BAND = [Math.round(0.2 * CROP_HEIGHT), Math.round(0.8 * CROP_HEIGHT)] as const;
/** Columns whose lowest ink lies within this many crop pixels (of 48) of the baseline are "on" it. */
const ON_LINE = 2;
/**
 * Share of inked columns on the baseline below which a line is handwriting. On the test images
 * print lines measure 0.37 to 0.85 (descenders, punctuation and photos' noise make up the
 * rest), handwritten lines 0.17 to 0.35.
 */
export const PRINT_MIN_ON_BASELINE = 0.37;

/**
 * Share (0..1) of the line's inked columns whose lowest ink sits on the baseline (the most
 * common lowest row). Ink is the minority side of Otsu's threshold, so light text on a dark
 * ground works too. Undefined when the crop holds too little ink to judge.
 */
export function onBaselineShare(r: RgbRaster, box: TextBox): number | undefined {
  const width = Math.max(8, Math.round((CROP_HEIGHT * box.length) / box.thickness));
  const ink = inkMask(greyCrop(r, box, width));
  const bottoms: number[] = [];
  for (let i = 0; i < width; i++) {
    let bottom = -1;
    for (let j = BAND[1] - 1; j >= BAND[0] && bottom < 0; j--) if (ink[j * width + i]) bottom = j;
    if (bottom >= 0) bottoms.push(bottom);
  }
  if (bottoms.length < 8) return undefined;
  const counts = new Array<number>(CROP_HEIGHT).fill(0);
  for (const b of bottoms) counts[b]!++;
  let baseline = 0;
  for (let j = 0; j < CROP_HEIGHT; j++) if (counts[j]! > counts[baseline]!) baseline = j;
  const on = bottoms.filter((b) => Math.abs(b - baseline) <= ON_LINE).length;
  return on / bottoms.length;
}

/** Likelihood (0..1) that the line is handwritten; undefined when it cannot tell. */
export function handwritingLikelihood(r: RgbRaster, box: TextBox): number | undefined {
  const share = onBaselineShare(r, box);
  if (share === undefined) return undefined;
  // 0.5 at the threshold, 1 with no column on a common baseline, 0 with every column on it.
  return share < PRINT_MIN_ON_BASELINE
    ? 0.5 + (0.5 * (PRINT_MIN_ON_BASELINE - share)) / PRINT_MIN_ON_BASELINE
    : (0.5 * (1 - share)) / (1 - PRINT_MIN_ON_BASELINE);
}
