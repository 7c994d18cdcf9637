import { describe, expect, it } from 'vitest';
import {
  boundingRect,
  polygonFromBox,
  rectFromCsv,
  rectFromLeftTop,
  rectFromXywh,
} from './geometry.js';

describe('geometry', () => {
  it('parses OCR "x,y,w,h" strings', () => {
    expect(rectFromCsv('21,16,304,451')).toEqual({ x: 21, y: 16, width: 304, height: 451 });
    expect(rectFromCsv(' 1, 2 ,3,4 ')).toEqual({ x: 1, y: 2, width: 3, height: 4 });
  });

  it('rejects malformed OCR boxes', () => {
    expect(() => rectFromCsv('1,2,3')).toThrow(/x,y,w,h/);
    expect(() => rectFromCsv('a,b,c,d')).toThrow(/x,y,w,h/);
  });

  it('converts face rectangles {left,top,width,height}', () => {
    expect(rectFromLeftTop({ left: 118, top: 159, width: 94, height: 94 })).toEqual({
      x: 118,
      y: 159,
      width: 94,
      height: 94,
    });
  });

  it('converts object rectangles {x,y,w,h}', () => {
    expect(rectFromXywh({ x: 25, y: 43, w: 172, h: 140 })).toEqual({
      x: 25,
      y: 43,
      width: 172,
      height: 140,
    });
  });

  it('turns read 8-number boxes into polygons and bounding rectangles', () => {
    const polygon = polygonFromBox([10, 20, 110, 22, 109.5, 60, 9.2, 58]);
    expect(polygon.points).toEqual([
      { x: 10, y: 20 },
      { x: 110, y: 22 },
      { x: 109.5, y: 60 },
      { x: 9.2, y: 58 },
    ]);
    expect(boundingRect(polygon)).toEqual({ x: 9, y: 20, width: 101, height: 40 });
  });

  it('rejects odd-length read boxes', () => {
    expect(() => polygonFromBox([1, 2, 3, 4, 5, 6, 7])).toThrow(/even/);
  });
});
