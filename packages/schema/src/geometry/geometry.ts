// Azure speaks four geometries; clients get exactly two: Rectangle and Polygon.

/** An axis-aligned box in image pixels, top-left origin. */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A closed polygon, clockwise from the top-left corner. */
export interface Polygon {
  points: Point[];
}

/** OCR's `"x,y,w,h"` string. Throws on anything that is not four integers. */
export function rectFromCsv(box: string): Rectangle {
  const parts = box.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
    throw new TypeError(`Expected "x,y,w,h", got "${box}"`);
  }
  const [x, y, width, height] = parts as [number, number, number, number];
  return { x, y, width, height };
}

/** Faces and celebrities: `{ left, top, width, height }`. */
export function rectFromLeftTop(r: {
  left?: number;
  top?: number;
  width?: number;
  height?: number;
}): Rectangle {
  return { x: r.left ?? 0, y: r.top ?? 0, width: r.width ?? 0, height: r.height ?? 0 };
}

/** Objects, brands and areaOfInterest: `{ x, y, w, h }`. */
export function rectFromXywh(r: { x?: number; y?: number; w?: number; h?: number }): Rectangle {
  return { x: r.x ?? 0, y: r.y ?? 0, width: r.w ?? 0, height: r.h ?? 0 };
}

/** Read's 8 numbers `x1,y1,...,x4,y4` (any even count is accepted). */
export function polygonFromBox(box: readonly number[]): Polygon {
  if (box.length < 6 || box.length % 2 !== 0) {
    throw new TypeError(`Expected an even list of at least 6 numbers, got ${box.length}`);
  }
  const points: Point[] = [];
  for (let i = 0; i < box.length; i += 2)
    points.push({ x: box[i] as number, y: box[i + 1] as number });
  return { points };
}

/** The smallest integer Rectangle containing the polygon (rounded outwards, so it never clips). */
export function boundingRect(polygon: Polygon): Rectangle {
  const xs = polygon.points.map((p) => p.x);
  const ys = polygon.points.map((p) => p.y);
  const x = Math.floor(Math.min(...xs));
  const y = Math.floor(Math.min(...ys));
  return { x, y, width: Math.ceil(Math.max(...xs)) - x, height: Math.ceil(Math.max(...ys)) - y };
}
