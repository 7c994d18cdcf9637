// The four geometries of the API, from the backend's pixel rectangles and quads.
import type { Quad, Rect } from '../analysis/types.js';

const int = (n: number): number => Math.round(n);

/** Faces and celebrities: `{left, top, width, height}`. */
export const faceRectangle = (r: Rect) => ({
  left: int(r.x),
  top: int(r.y),
  width: int(r.w),
  height: int(r.h),
});

/** Objects, brands, areaOfInterest: `{x, y, w, h}`. */
export const boundingRect = (r: Rect) => ({ x: int(r.x), y: int(r.y), w: int(r.w), h: int(r.h) });

/** Legacy OCR: the string `"x,y,w,h"`. */
export const ocrBox = (r: Rect): string => `${int(r.x)},${int(r.y)},${int(r.w)},${int(r.h)}`;

/** v1.0 recognizeText: int[8]. */
export const intQuad = (q: Quad): number[] => q.map(int);
