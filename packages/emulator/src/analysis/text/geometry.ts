import type { Quad, Rect } from '../types.js';

/** Axis-aligned box in the upright OCR raster: x0,y0 top-left, x1,y1 bottom-right (exclusive). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Corners x, y clockwise from the text's own top-left, in upright raster pixels. */
export type RasterQuad = [number, number, number, number, number, number, number, number];

/** Clockwise quarter turns applied to the raster to make its text upright. */
export type Rotation = 0 | 90 | 180 | 270;

/** A small rotation applied after the quarter turn to level skewed text. */
export interface Deskew {
  /** Radians, clockwise as seen (image y points down), that were applied about the centre. */
  angle: number;
  /** Size before (the quarter-turned raster) and after (the enlarged canvas) the rotation. */
  fromW: number;
  fromH: number;
  toW: number;
  toH: number;
}

/**
 * Maps points of the upright OCR raster back to the original image: undo the deskew rotation
 * (if any), undo the quarter turn (the raster before turning was rasterW x rasterH), then undo
 * the raster's scale.
 */
export class UprightFrame {
  constructor(
    readonly rotation: Rotation,
    readonly rasterW: number,
    readonly rasterH: number,
    /** Raster pixels per original pixel (or per PDF point). */
    readonly scale: number,
    readonly deskew?: Deskew,
  ) {}

  /** The same frame with a deskew rotation added. */
  withDeskew(deskew: Deskew): UprightFrame {
    return new UprightFrame(this.rotation, this.rasterW, this.rasterH, this.scale, deskew);
  }

  /** A point of the upright raster in original coordinates. */
  point(u: number, v: number): [number, number] {
    const { rasterW: W, rasterH: H, scale, deskew: d } = this;
    if (d) {
      // Inverse of the clockwise rotation about the canvas centre.
      const [dx, dy] = [u - d.toW / 2, v - d.toH / 2];
      const [c, s] = [Math.cos(d.angle), Math.sin(d.angle)];
      [u, v] = [dx * c + dy * s + d.fromW / 2, -dx * s + dy * c + d.fromH / 2];
    }
    const [x, y] =
      this.rotation === 90
        ? [v, H - u]
        : this.rotation === 180
          ? [W - u, H - v]
          : this.rotation === 270
            ? [W - v, u]
            : [u, v];
    return [x / scale, y / scale];
  }

  /** An upright box as an original-image rect (the bounds of its corners, rounded outwards). */
  rect(b: Box): Rect {
    const pts = [
      this.point(b.x0, b.y0),
      this.point(b.x1, b.y0),
      this.point(b.x1, b.y1),
      this.point(b.x0, b.y1),
    ];
    const x = Math.floor(Math.min(...pts.map((p) => p[0])));
    const y = Math.floor(Math.min(...pts.map((p) => p[1])));
    return {
      x,
      y,
      w: Math.ceil(Math.max(...pts.map((p) => p[0]))) - x,
      h: Math.ceil(Math.max(...pts.map((p) => p[1]))) - y,
    };
  }

  /** Raster corners (clockwise from the text's top-left) in original coordinates, unrounded. */
  corners(q: RasterQuad): Quad {
    const out: number[] = [];
    for (let i = 0; i < 8; i += 2) out.push(...this.point(q[i]!, q[i + 1]!));
    return out as Quad;
  }

  /**
   * An upright box as a quad starting at the text's own top-left corner, clockwise: turning the
   * corners back keeps their order, so a line read upwards starts at its bottom-left in the image.
   */
  quad(b: Box, round: (v: number) => number = Math.round): Quad {
    const corners = [
      this.point(b.x0, b.y0),
      this.point(b.x1, b.y0),
      this.point(b.x1, b.y1),
      this.point(b.x0, b.y1),
    ];
    return corners.flatMap(([x, y]) => [round(x), round(y)]) as Quad;
  }
}

/** Smallest box holding all boxes. */
export function unionBox(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}
