// The detector often finds a line of text as several pieces (a box per word where the spacing is
// wide, as in handwriting). Pieces on one baseline, close together, are joined into one line box
// before reading: the recogniser reads whole lines better, and Azure answers in lines. Pieces
// further apart than a column gutter stay apart, so two columns never merge.
import type { TextBox } from './text-box.js';

/** Pieces further apart than this many text heights are in different columns or phrases. */
export const MAX_GAP = 1.2;
/** Pieces whose centres are further apart across the line than this share of a height differ. */
const MAX_OFFSET = 0.45;
/** Heights may differ by this factor within a line. */
const MAX_HEIGHT_RATIO = 1.8;
/** Reading directions may differ by this much (radians, ~12 degrees). */
const MAX_TURN = 0.21;

interface Frame {
  /** Position along and across the reading direction of the first piece. */
  u0: number;
  u1: number;
  v: number;
  thickness: number;
}

function extentIn(b: TextBox, ux: number, uy: number): Frame {
  const u = b.cx * ux + b.cy * uy;
  return {
    u0: u - b.length / 2,
    u1: u + b.length / 2,
    v: -b.cx * uy + b.cy * ux,
    thickness: b.thickness,
  };
}

/** The smallest box along `ref`'s direction that holds all `boxes`. */
export function unionAlong(ref: TextBox, boxes: readonly TextBox[]): TextBox {
  const { ux, uy } = ref;
  let [u0, u1, v0, v1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const b of boxes) {
    const e = extentIn(b, ux, uy);
    u0 = Math.min(u0, e.u0);
    u1 = Math.max(u1, e.u1);
    v0 = Math.min(v0, e.v - b.thickness / 2);
    v1 = Math.max(v1, e.v + b.thickness / 2);
  }
  const cu = (u0 + u1) / 2;
  const cv = (v0 + v1) / 2;
  return {
    cx: cu * ux - cv * uy,
    cy: cu * uy + cv * ux,
    ux,
    uy,
    length: u1 - u0,
    thickness: v1 - v0,
  };
}

/**
 * Groups pieces into lines: greedily, in reading order along each line, a piece joins the line
 * whose last piece it continues (same direction, same baseline, similar height, a small gap).
 * Returns the indices of each line's pieces, first to last.
 */
export function groupLines(boxes: readonly TextBox[]): number[][] {
  const order = boxes
    .map((b, i) => ({ b, i }))
    .sort((p, q) => p.b.cx * p.b.ux + p.b.cy * p.b.uy - (q.b.cx * q.b.ux + q.b.cy * q.b.uy));
  const lines: { pieces: number[]; last: TextBox }[] = [];
  for (const { b, i } of order) {
    let best: { line: (typeof lines)[number]; gap: number } | undefined;
    for (const line of lines) {
      const l = line.last;
      const turn = Math.abs(Math.atan2(l.ux * b.uy - l.uy * b.ux, l.ux * b.ux + l.uy * b.uy));
      if (turn > MAX_TURN) continue;
      const h = Math.max(l.thickness, b.thickness);
      if (h > MAX_HEIGHT_RATIO * Math.min(l.thickness, b.thickness)) continue;
      const el = extentIn(l, l.ux, l.uy);
      const eb = extentIn(b, l.ux, l.uy);
      if (Math.abs(eb.v - el.v) > MAX_OFFSET * h) continue;
      const gap = eb.u0 - el.u1;
      // A little overlap is fine (pieces of one word); a piece far back is another line's.
      if (gap > MAX_GAP * h || gap < -0.5 * h) continue;
      if (!best || gap < best.gap) best = { line, gap };
    }
    if (best) {
      best.line.pieces.push(i);
      best.line.last = b;
    } else lines.push({ pieces: [i], last: b });
  }
  return splitAtGutters(
    boxes,
    lines.map((l) => l.pieces),
  );
}

/** Pieces' extents along x and y (the gutter test is for level text). */
const spanOf = (b: TextBox) => {
  const dx = (Math.abs(b.ux) * b.length + Math.abs(b.uy) * b.thickness) / 2;
  const dy = (Math.abs(b.uy) * b.length + Math.abs(b.ux) * b.thickness) / 2;
  return { x0: b.cx - dx, x1: b.cx + dx, y0: b.cy - dy, y1: b.cy + dy };
};

/** Lines this many of their heights above or below count as neighbours for the gutter test. */
const GUTTER_BAND = 4;

/**
 * Splits a level line at a gap that is a column gutter: within a few line heights above and
 * below, no other piece crosses the gap's middle, and at least two pieces lie on each side.
 * Handwriting's wide word gaps fail the test: the lines above or below cross them.
 */
function splitAtGutters(boxes: readonly TextBox[], lines: number[][]): number[][] {
  const spans = boxes.map(spanOf);
  const out: number[][] = [];
  for (const line of lines) {
    const first = boxes[line[0]!]!;
    if (line.length < 2 || Math.abs(first.uy) > 0.3) {
      out.push(line);
      continue;
    }
    const members = new Set(line);
    const y0 = Math.min(...line.map((i) => spans[i]!.y0));
    const y1 = Math.max(...line.map((i) => spans[i]!.y1));
    const reach = GUTTER_BAND * (y1 - y0);
    const near = spans.filter((s, i) => !members.has(i) && s.y1 > y0 - reach && s.y0 < y1 + reach);
    let current = [line[0]!];
    for (let k = 1; k < line.length; k++) {
      const [a, b] = [spans[line[k - 1]!]!, spans[line[k]!]!];
      const mid = (a.x1 + b.x0) / 2;
      const gutter =
        b.x0 > a.x1 &&
        !near.some((s) => s.x0 < mid && s.x1 > mid) &&
        near.filter((s) => s.x1 <= mid).length >= 2 &&
        near.filter((s) => s.x0 >= mid).length >= 2;
      if (gutter) {
        out.push(current);
        current = [];
      }
      current.push(line[k]!);
    }
    out.push(current);
  }
  return out;
}
