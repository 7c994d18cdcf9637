// PP-OCR's pre- and post-processing on synthetic inputs (no network runs): DB boxes from a
// probability map, CTC decoding into words, line grouping across pieces and columns.
import { describe, expect, it } from 'vitest';
import { ctcGreedy, ctcWords, spaceAtCuts } from './ctc-decode.js';
import { DB_DEFAULTS, dbBoxes, minAreaBox } from './db-postprocess.js';
import { groupLines } from './group-lines.js';
import { corners, type TextBox } from './text-box.js';

/** A w x h map with 0.9 inside each rectangle [x0, y0, x1, y1) and 0 elsewhere. */
function mapWith(w: number, h: number, rects: [number, number, number, number][]): Float32Array {
  const m = new Float32Array(w * h);
  for (const [x0, y0, x1, y1] of rects)
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * w + x] = 0.9;
  return m;
}

describe('DB post-processing', () => {
  it('boxes each region and grows it by area * 1.5 / perimeter on every side', () => {
    const boxes = dbBoxes(
      mapWith(100, 60, [
        [10, 10, 50, 20],
        [20, 40, 90, 46],
      ]),
      100,
      60,
    );
    expect(boxes).toHaveLength(2);
    const big = boxes.find((b) => b.length > 60)!;
    // 70 x 6 region: d = 70 * 6 * 1.5 / (2 * 76) = 4.14.
    expect(big.length).toBeCloseTo(70 + 2 * 4.145, 1);
    expect(big.thickness).toBeCloseTo(6 + 2 * 4.145, 1);
    expect([big.cx, big.cy]).toEqual([55, 43]);
    expect([big.ux, big.uy]).toEqual([1, 0]);
    expect(big.score).toBeCloseTo(0.9, 5);
  });

  it('drops regions thinner than the minimum side and faint ones', () => {
    const map = mapWith(60, 30, [[5, 5, 50, 7]]);
    expect(dbBoxes(map, 60, 30)).toEqual([]);
    const faint = mapWith(60, 30, [[5, 5, 50, 15]]).map((v) => (v ? 0.5 : 0));
    expect(dbBoxes(faint, 60, 30, DB_DEFAULTS)).toEqual([]);
  });

  it('fits a rotated rectangle and reads a vertical line downwards', () => {
    const s = Math.SQRT1_2;
    const diamond = minAreaBox([
      { x: 0, y: 10 },
      { x: 10, y: 0 },
      { x: 40, y: 30 },
      { x: 30, y: 40 },
    ]);
    expect(diamond.length).toBeCloseTo(Math.hypot(30, 30), 5);
    expect(diamond.thickness).toBeCloseTo(Math.hypot(10, 10), 5);
    expect([diamond.ux, diamond.uy].map((v) => Math.abs(v))).toEqual([
      expect.closeTo(s, 5),
      expect.closeTo(s, 5),
    ]);
    const tall = minAreaBox([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 50 },
      { x: 0, y: 50 },
    ]);
    expect([tall.ux + 0, tall.uy, tall.length, tall.thickness]).toEqual([0, 1, 50, 10]);
    // Read downwards, the text's top-left corner is the box's top-right in the image.
    const [x, y] = [corners(tall)[0].x, corners(tall)[0].y];
    expect([x + 0, y + 0]).toEqual([10, 0]);
  });
});

describe('CTC decoding', () => {
  const charset = ['', 'a', 'b', ' '];
  const steps = (...best: number[]): Float32Array => {
    const p = new Float32Array(best.length * charset.length);
    best.forEach((k, t) => (p[t * charset.length + k] = 0.8));
    return p;
  };

  it('merges repeats, drops blanks and cuts words at spaces with their place on the line', () => {
    const chars = ctcGreedy(steps(1, 1, 0, 1, 0, 3, 0, 2, 2, 0), 10, 4, charset);
    expect(chars.map((c) => c.char).join('')).toBe('aa b');
    expect(chars[0]).toMatchObject({ t0: 0, t1: 1 });
    const words = ctcWords(chars, 10);
    expect(words.map((w) => w.text)).toEqual(['aa', 'b']);
    // Character pitch is 2.5 steps: words reach half a pitch past their first and last spikes.
    expect(words[0]!.from).toBe(0);
    expect(words[1]!.to).toBeCloseTo((8.5 + 1.25) / 10, 5);
    expect(words[0]!.to).toBeLessThan(words[1]!.from);
    expect(words[0]!.confidence).toBeCloseTo(0.8, 5);
  });

  it('adds a space at a gap the detector saw, but not beside an existing one', () => {
    const chars = ctcGreedy(steps(1, 0, 2, 0, 3, 0, 1), 7, 4, charset);
    expect(
      spaceAtCuts(chars, [1.5, 4.2])
        .map((c) => c.char)
        .join(''),
    ).toBe('a b a');
  });

  it('puts no space before closing punctuation ("1.5g", not "1 .5g")', () => {
    const set = ['', '1', '.', '5', ' '];
    const p = new Float32Array(5 * set.length);
    [1, 0, 2, 0, 3].forEach((k, t) => (p[t * set.length + k] = 0.9));
    const chars = ctcGreedy(p, 5, set.length, set);
    expect(
      spaceAtCuts(chars, [1.2, 3.2])
        .map((c) => c.char)
        .join(''),
    ).toBe('1. 5');
  });
});

describe('line grouping', () => {
  const piece = (x0: number, y0: number, x1: number, y1: number): TextBox => ({
    cx: (x0 + x1) / 2,
    cy: (y0 + y1) / 2,
    ux: 1,
    uy: 0,
    length: x1 - x0,
    thickness: y1 - y0,
  });

  it('joins handwriting-like word pieces on one baseline into a line', () => {
    const words = [piece(10, 10, 60, 40), piece(80, 12, 150, 42), piece(170, 9, 230, 41)];
    const below = [piece(20, 60, 200, 90)];
    expect(groupLines([...words, ...below])).toEqual([[0, 1, 2], [3]]);
  });

  it('keeps two columns apart where a gutter runs through the neighbouring lines', () => {
    const rows = [0, 1, 2, 3, 4].flatMap((r) => [
      piece(10, 10 + r * 30, 200, 30 + r * 30),
      piece(215, 10 + r * 30, 400, 30 + r * 30),
    ]);
    const lines = groupLines(rows);
    expect(lines).toHaveLength(10);
    for (const l of lines) expect(l).toHaveLength(1);
  });
});
