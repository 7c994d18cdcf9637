// Azure's rectangles and polygons lie inside the image. Detectors do not promise that (a box
// regressed past the border, a polygon of slanted text), so every answer is clamped here.
import type { Quad, Rect } from '../types.js';

export interface Frame {
  width: number;
  height: number;
}

const within = (v: number, max: number): number => Math.min(Math.max(v, 0), max);

/**
 * The part of `r` inside the frame, with edges rounded to whole pixels (rounding the edges rather
 * than the size, so that x + w never passes the border once the wire writes integers).
 */
export function clampRect(r: Rect, frame: Frame): Rect {
  const x0 = Math.round(within(r.x, frame.width));
  const y0 = Math.round(within(r.y, frame.height));
  const x1 = Math.round(within(r.x + r.w, frame.width));
  const y1 = Math.round(within(r.y + r.h, frame.height));
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/** Each corner moved onto the frame. */
export function clampQuad(q: Quad, frame: Frame): Quad {
  return q.map((v, i) => within(v, i % 2 === 0 ? frame.width : frame.height)) as Quad;
}
