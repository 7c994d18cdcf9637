import type { Raster } from '../image/raster.js';

/** Measurable cues that separate clip art and line drawings from photographs. */
export interface ImageTypeFeatures {
  /** Fewest quantised colours (5 bits per channel) that cover 90 % of the pixels. */
  colors90: number;
  /** Share of pixels whose 4-neighbourhood is flat (max channel step <= 4). */
  flat: number;
  /** Share of near-white pixels (luma >= 200) and of dark ones (luma < 110). */
  white: number;
  dark: number;
  /** Share of dark pixels that survive a 2-pixel erosion: low for thin strokes. */
  thick: number;
  /** Mean colourfulness, max(R,G,B) - min(R,G,B), over non-white pixels. */
  saturation: number;
  /** Connected dark shapes (8-connected, >= 4 px) and the largest one's share of all dark pixels. */
  shapes: number;
  largestShape: number;
  /** colors90 with 6 bits of luma only: separates grey photos (many tones) from grey drawings. */
  greys90: number;
}

const luma = (d: Buffer, o: number): number =>
  (d[o]! * 299 + d[o + 1]! * 587 + d[o + 2]! * 114) / 1000;

function erodeTwice(mask: Uint8Array, w: number, h: number): number {
  let cur = mask;
  for (let pass = 0; pass < 2; pass++) {
    const next = new Uint8Array(w * h);
    for (let y = 1; y < h - 1; y++) {
      for (let x = 1; x < w - 1; x++) {
        const i = y * w + x;
        next[i] = cur[i]! & cur[i - 1]! & cur[i + 1]! & cur[i - w]! & cur[i + w]!;
      }
    }
    cur = next;
  }
  let left = 0;
  for (const v of cur) left += v;
  return left;
}

function darkShapes(mask: Uint8Array, w: number, h: number): { shapes: number; largest: number } {
  const seen = new Uint8Array(mask.length);
  const stack: number[] = [];
  let shapes = 0;
  let largest = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    let size = 0;
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      size++;
      const x = i % w;
      const y = (i - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const j = ny * w + nx;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (size >= 4) shapes++;
    largest = Math.max(largest, size);
  }
  return { shapes, largest };
}

function cover90(hist: Uint32Array, n: number): number {
  const counts = hist.filter((v) => v > 0).sort((a, b) => b - a);
  let covered = 0;
  let k = 0;
  while (covered < n * 0.9 && k < counts.length) covered += counts[k++]!;
  return k;
}

export function imageTypeFeatures(r: Raster): ImageTypeFeatures {
  const { data: d, width: w, height: h, channels: c } = r;
  const n = w * h;
  // Counts by quantised colour (15 bits) and by luma / 4: typed arrays, not Maps, since this
  // loop runs once per pixel on the main thread while the models run.
  const hist = new Uint32Array(1 << 15);
  const greys = new Uint32Array(64);
  const darkMask = new Uint8Array(n);
  let flat = 0;
  let white = 0;
  let dark = 0;
  let satSum = 0;
  for (let y = 0, i = 0; y < h; y++) {
    for (let x = 0; x < w; x++, i++) {
      const o = i * c;
      const key = ((d[o]! >> 3) << 10) | ((d[o + 1]! >> 3) << 5) | (d[o + 2]! >> 3);
      hist[key]!++;
      // Largest channel step to the right and lower neighbours.
      let step = 0;
      const right = x + 1 < w ? o + c : o;
      const below = y + 1 < h ? o + w * c : o;
      for (let k = 0; k < 3; k++)
        step = Math.max(
          step,
          Math.abs(d[o + k]! - d[right + k]!),
          Math.abs(d[o + k]! - d[below + k]!),
        );
      if (step <= 4) flat++;
      const l = luma(d, o);
      greys[l >> 2]!++;
      if (l >= 200) white++;
      else satSum += Math.max(d[o]!, d[o + 1]!, d[o + 2]!) - Math.min(d[o]!, d[o + 1]!, d[o + 2]!);
      if (l < 110) {
        dark++;
        darkMask[i] = 1;
      }
    }
  }
  const shapes = darkShapes(darkMask, w, h);
  return {
    colors90: cover90(hist, n),
    greys90: cover90(greys, n),
    shapes: shapes.shapes,
    largestShape: dark ? shapes.largest / dark : 0,
    flat: flat / n,
    white: white / n,
    dark: dark / n,
    thick: dark ? erodeTwice(darkMask, w, h) / dark : 0,
    saturation: satSum / Math.max(1, n - white),
  };
}
