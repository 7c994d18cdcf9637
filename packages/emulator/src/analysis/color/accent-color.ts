import { GREY_CHROMA } from './color-names.js';
import type { PixelColors } from './pixel-colors.js';

const hex = (v: number): string => Math.round(v).toString(16).padStart(2, '0').toUpperCase();

/**
 * The most vibrant prominent colour, as 6 hex digits. Pixels are grouped by hue (24 bins) and
 * lightness (4 bins); each group scores by share x mean chroma^2, so a large dull area loses
 * to a smaller vivid one, but a few vivid specks do not win. A colourless image gets the mean
 * of its middle-lightness pixels, as Azure returns a grey (e.g. 282828) for B&W photos.
 */
export function accentColor(px: PixelColors): string {
  const bins = new Map<number, { n: number; c: number; r: number; g: number; b: number }>();
  const n = px.names.length;
  for (let i = 0; i < n; i++) {
    const c = px.chromas[i]!;
    if (c < GREY_CHROMA || px.lightness[i]! < 0.25) continue;
    const o = i * 3;
    const R = px.rgb[o]!;
    const G = px.rgb[o + 1]!;
    const B = px.rgb[o + 2]!;
    const hue = Math.atan2(G - B, 2 * R - G - B) / (2 * Math.PI) + 0.5; // 0..1, cheap RGB hue
    const key =
      Math.min(23, Math.floor(hue * 24)) * 4 + Math.min(3, Math.floor(px.lightness[i]! * 4));
    const bin = bins.get(key) ?? { n: 0, c: 0, r: 0, g: 0, b: 0 };
    bin.n++;
    bin.c += c;
    bin.r += R;
    bin.g += G;
    bin.b += B;
    bins.set(key, bin);
  }
  let best: { n: number; c: number; r: number; g: number; b: number } | undefined;
  let bestScore = 0;
  for (const bin of bins.values()) {
    if (bin.n < n * 0.005) continue;
    const meanC = bin.c / bin.n;
    const score = (bin.n / n) * meanC * meanC;
    if (score > bestScore) {
      bestScore = score;
      best = bin;
    }
  }
  if (best) return hex(best.r / best.n) + hex(best.g / best.n) + hex(best.b / best.n);
  return greyAccent(px);
}

function greyAccent(px: PixelColors): string {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < px.lightness.length; i++) {
    const l = px.lightness[i]!;
    if (l > 0.2 && l < 0.8) {
      sum += px.rgb[i * 3]! + px.rgb[i * 3 + 1]! + px.rgb[i * 3 + 2]!;
      count += 3;
    }
  }
  const v = count ? sum / count : 128;
  return hex(v).repeat(3);
}
