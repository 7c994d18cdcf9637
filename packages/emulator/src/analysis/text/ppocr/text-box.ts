/** A point in raster pixels (y points down). */
export interface Point {
  x: number;
  y: number;
}

/**
 * A rotated text box: its centre, the unit reading direction `u` (the text's baseline runs along
 * it), the length along `u` and the thickness across it. "Down" for the text is `u` turned a
 * quarter clockwise: v = (-u.y, u.x).
 */
export interface TextBox {
  cx: number;
  cy: number;
  ux: number;
  uy: number;
  length: number;
  thickness: number;
}

/** Corners clockwise from the text's own top-left: top-left, top-right, bottom-right, bottom-left. */
export function corners(b: TextBox): [Point, Point, Point, Point] {
  const hx = (b.ux * b.length) / 2;
  const hy = (b.uy * b.length) / 2;
  // v = (-uy, ux) scaled by half the thickness.
  const vx = (-b.uy * b.thickness) / 2;
  const vy = (b.ux * b.thickness) / 2;
  return [
    { x: b.cx - hx - vx, y: b.cy - hy - vy },
    { x: b.cx + hx - vx, y: b.cy + hy - vy },
    { x: b.cx + hx + vx, y: b.cy + hy + vy },
    { x: b.cx - hx + vx, y: b.cy - hy + vy },
  ];
}

/** The box from corners in the order of `corners` (tolerates a slightly sheared parallelogram). */
export function fromCorners([tl, tr, br, bl]: readonly Point[]): TextBox {
  const top = { x: tr!.x - tl!.x, y: tr!.y - tl!.y };
  const length = Math.hypot(top.x, top.y) || 1;
  const side = { x: bl!.x - tl!.x, y: bl!.y - tl!.y };
  return {
    cx: (tl!.x + tr!.x + br!.x + bl!.x) / 4,
    cy: (tl!.y + tr!.y + br!.y + bl!.y) / 4,
    ux: top.x / length,
    uy: top.y / length,
    length,
    thickness: Math.hypot(side.x, side.y),
  };
}

/** The same box read the other way round (a line that was upside down). */
export const reversed = (b: TextBox): TextBox => ({ ...b, ux: -b.ux, uy: -b.uy });

/** The part of the box between `from` and `to` (0..1 of its length), same thickness. */
export function slice(b: TextBox, from: number, to: number): TextBox {
  const mid = ((from + to) / 2 - 0.5) * b.length;
  return {
    ...b,
    cx: b.cx + b.ux * mid,
    cy: b.cy + b.uy * mid,
    length: (to - from) * b.length,
  };
}

/** Angle of the reading direction in radians, clockwise from the x axis. */
export const angleOf = (b: TextBox): number => Math.atan2(b.uy, b.ux);
