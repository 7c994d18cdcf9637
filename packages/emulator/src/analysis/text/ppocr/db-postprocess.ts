// Differentiable-binarisation (DB) post-processing of the PP-OCR detector's probability map:
// threshold it, take each connected region, fit its minimum-area rectangle, keep regions whose
// mean probability is high, and grow ("unclip") each rectangle back to the whole text, since the
// network is trained to mark a shrunk core of every text region.
import type { Point, TextBox } from './text-box.js';

export interface DbOptions {
  /** Probability above which a pixel is text. PaddleOCR: 0.3. */
  threshold: number;
  /** Mean probability over a region below which it is dropped. PaddleOCR: 0.6. */
  boxThreshold: number;
  /** Growth: distance = area * ratio / perimeter. PaddleOCR: 1.5. */
  unclipRatio: number;
  /** Boxes thinner than this (map pixels) are noise. PaddleOCR: 3. */
  minSide: number;
  /** At most this many regions are looked at (largest first). */
  maxBoxes: number;
}

export const DB_DEFAULTS: DbOptions = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSide: 3,
  maxBoxes: 1000,
};

export interface ScoredBox extends TextBox {
  /** Mean text probability over the detected region (0..1). */
  score: number;
}

/** Corners (pixel corners, not centres) of each row's leftmost and rightmost pixel of a region. */
interface Region {
  pixels: number;
  /** Sum of the map over the region's pixels. */
  sum: number;
  rows: Map<number, { min: number; max: number }>;
}

/** 8-connected regions of the pixels above `threshold`. */
function regions(map: Float32Array, w: number, h: number, threshold: number): Region[] {
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  const out: Region[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || map[start]! <= threshold) continue;
    const rows = new Map<number, { min: number; max: number }>();
    let top = 0;
    let pixels = 0;
    let sum = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top) {
      const i = stack[--top]!;
      const x = i % w;
      const y = (i - x) / w;
      pixels++;
      sum += map[i]!;
      const row = rows.get(y);
      if (!row) rows.set(y, { min: x, max: x });
      else if (x < row.min) row.min = x;
      else if (x > row.max) row.max = x;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const j = ny * w + nx;
          if (!seen[j] && map[j]! > threshold) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    out.push({ pixels, sum, rows });
  }
  return out;
}

const cross = (o: Point, a: Point, b: Point): number =>
  (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex hull (Andrew's monotone chain), counter-clockwise in a y-up sense. */
export function convexHull(points: Point[]): Point[] {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (p.length < 3) return p;
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * Minimum-area rectangle around a convex hull (one side lies on a hull edge: rotating calipers,
 * checked edge by edge). The reading direction is the side nearer horizontal unless the other
 * side is 1.5 times longer (a vertical line of text); it points right, or down when vertical.
 */
export function minAreaBox(hull: Point[]): TextBox {
  let best = { area: Infinity, ux: 1, uy: 0, u0: 0, u1: 0, v0: 0, v1: 0 };
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (!len) continue;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    let [u0, u1, v0, v1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of hull) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      u0 = Math.min(u0, u);
      u1 = Math.max(u1, u);
      v0 = Math.min(v0, v);
      v1 = Math.max(v1, v);
    }
    const area = (u1 - u0) * (v1 - v0);
    if (area < best.area) best = { area, ux, uy, u0, u1, v0, v1 };
  }
  const { ux, uy, u0, u1, v0, v1 } = best;
  // Centre back in x, y: u-axis (ux, uy), v-axis (-uy, ux).
  const cu = (u0 + u1) / 2;
  const cv = (v0 + v1) / 2;
  const cx = cu * ux - cv * uy;
  const cy = cu * uy + cv * ux;
  // Side a runs along (ux, uy) with length u1-u0, side b along (-uy, ux) with length v1-v0.
  let [ax, ay, aLen, bx, by, bLen] = [ux, uy, u1 - u0, -uy, ux, v1 - v0];
  if (Math.abs(ay) > Math.abs(ax)) [ax, ay, aLen, bx, by, bLen] = [bx, by, bLen, ax, ay, aLen];
  // Now a is the side nearer horizontal.
  let dir = { x: ax, y: ay, length: aLen, thickness: bLen };
  if (bLen >= 1.5 * aLen) dir = { x: bx, y: by, length: bLen, thickness: aLen };
  const vertical = Math.abs(dir.y) > Math.abs(dir.x);
  if (vertical ? dir.y < 0 : dir.x < 0) dir = { ...dir, x: -dir.x, y: -dir.y };
  return { cx, cy, ux: dir.x, uy: dir.y, length: dir.length, thickness: dir.thickness };
}

/** Text boxes in map pixels from a w x h probability map. */
export function dbBoxes(
  map: Float32Array,
  w: number,
  h: number,
  opts: DbOptions = DB_DEFAULTS,
): ScoredBox[] {
  const found = regions(map, w, h, opts.threshold)
    .sort((a, b) => b.pixels - a.pixels)
    .slice(0, opts.maxBoxes);
  const out: ScoredBox[] = [];
  for (const region of found) {
    const points: Point[] = [];
    for (const [y, { min, max }] of region.rows)
      points.push({ x: min, y }, { x: max + 1, y }, { x: min, y: y + 1 }, { x: max + 1, y: y + 1 });
    const box = minAreaBox(convexHull(points));
    if (Math.min(box.length, box.thickness) < opts.minSide) continue;
    // Mean over the region itself (PaddleOCR's 'slow' score over the contour): the mean over the
    // rectangle drops curved or ragged lines whose rectangle is mostly background.
    const score = region.sum / region.pixels;
    if (score < opts.boxThreshold) continue;
    // A rectangle grown by d on every side: d = area * ratio / perimeter.
    const d = (box.length * box.thickness * opts.unclipRatio) / (2 * (box.length + box.thickness));
    const grown = { ...box, length: box.length + 2 * d, thickness: box.thickness + 2 * d, score };
    if (Math.min(grown.length, grown.thickness) < opts.minSide + 2) continue;
    out.push(grown);
  }
  return out;
}
