// decodeCenternet on hand-made heads: the graph's peak rule (a cell equal to its 3x3 max-pool),
// its score order and its box arithmetic.
import { describe, expect, it } from 'vitest';
import { CENTERNET_GRID, decodeCenternet } from './centernet-decode.js';

const CLASSES = 80;
const heads = () => ({
  heat: new Float32Array(CENTERNET_GRID * CENTERNET_GRID * CLASSES),
  extents: new Float32Array(CENTERNET_GRID * CENTERNET_GRID * 4),
});
const at = (x: number, y: number, c: number) => (y * CENTERNET_GRID + x) * CLASSES + c;

describe('decodeCenternet', () => {
  it('keeps 3x3 peaks above the floor, best first, with boxes around the cell centre', () => {
    const { heat, extents } = heads();
    heat[at(10, 20, 0)] = 0.9; // peak
    heat[at(11, 20, 0)] = 0.5; // beside a higher cell of its class: not a peak
    heat[at(11, 20, 5)] = 0.6; // same cell, other class: a peak of its own
    heat[at(0, 127, 3)] = 0.3; // corner peak (the max-pool ignores cells outside the map)
    heat[at(50, 50, 1)] = 0.2; // below the floor
    extents.set([8, 6, 10, 12.5], (20 * CENTERNET_GRID + 10) * 4);
    const found = decodeCenternet(heat, extents, 0.25);
    expect(found.map((d) => [d.classIndex, d.score])).toEqual([
      [0, Math.fround(0.9)],
      [5, Math.fround(0.6)],
      [3, Math.fround(0.3)],
    ]);
    expect(found[0]!.box).toEqual([40 - 8, 80 - 6, 40 + 10, 80 + 12.5]);
  });

  it('treats equal neighbours both as peaks (Equal against the max-pool), lower cell first', () => {
    const { heat, extents } = heads();
    heat[at(5, 5, 2)] = 0.7;
    heat[at(6, 5, 2)] = 0.7;
    expect(decodeCenternet(heat, extents, 0.25).map((d) => d.box[0])).toEqual([20, 24]);
  });
});
