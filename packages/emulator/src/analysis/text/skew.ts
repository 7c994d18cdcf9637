import type { OcrLine } from './recognize-lines.js';

/**
 * The text's small clockwise skew in radians (image y points down): the median slope of the
 * baselines of lines of 3+ words at least three times as wide as tall; 0 without such lines.
 */
export function skewOf(lines: readonly OcrLine[]): number {
  const angles = lines
    .filter(
      (l) =>
        l.words.length >= 3 &&
        l.box.x1 - l.box.x0 >= 3 * (l.box.y1 - l.box.y0) &&
        l.baseline.x1 > l.baseline.x0,
    )
    .map((l) => Math.atan2(l.baseline.y1 - l.baseline.y0, l.baseline.x1 - l.baseline.x0))
    .sort((a, b) => a - b);
  return angles.length ? angles[Math.floor(angles.length / 2)]! : 0;
}
