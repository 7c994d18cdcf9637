// Straight-edge cue on real photos (through the same raster the backend measures) and on drawn
// rasters whose answer is known by construction.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadImage } from '../image/load-image.js';
import { testImage } from '../image/__tests__/test-images.js';
import { measureCues } from './measure-cues.js';
import { straightEdges } from './straight-edges.js';

const straightOf = async (bytes: Buffer): Promise<number> =>
  (await measureCues(await loadImage(bytes))).cues.straightEdges!;
const measured = (name: string): Promise<number> => straightOf(testImage(name));

/** A 128x96 grey raster drawn per pixel. */
function drawn(px: (x: number, y: number) => number) {
  const data = new Uint8Array(128 * 96);
  for (let y = 0; y < 96; y++) for (let x = 0; x < 128; x++) data[y * 128 + x] = px(x, y);
  return { data, width: 128, height: 96 };
}
let seed = 11;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

describe('straight edges', () => {
  it('finds level and upright lines on both house photos, under the 1 % floor (house fronts 1.35-2.4 %) on the family, the skateboarder and the arena', async () => {
    expect(await measured('pysamples-house.jpg')).toBeGreaterThan(0.011);
    expect(await measured('csdf-house.jpg')).toBeGreaterThan(0.02);
    // Measured 0 %, 0 % and 0.45 % (the Colosseum's tiers are curved).
    for (const name of ['csdf-faces.jpg', 'csdf-objects.jpg', 'csdf-landmark.jpg'])
      expect(await measured(name), name).toBeLessThan(0.007);
  });

  it('keeps the blue house over the floor when it is halved, mirrored or recompressed at q30', async () => {
    const house = testImage('pysamples-house.jpg');
    const edited = [
      await sharp(house).resize(300).jpeg({ quality: 80 }).toBuffer(),
      await sharp(house).flop().jpeg({ quality: 30 }).toBuffer(),
    ];
    // Measured 1.27 % and 1.36 % (original 1.35 %).
    for (const bytes of edited) expect(await straightOf(bytes)).toBeGreaterThan(0.011);
  });

  it('counts a window grid in both directions, one direction alone not at all', () => {
    const grid = drawn((x, y) => (x % 32 < 3 || y % 24 < 3 ? 30 : 220));
    expect(straightEdges(grid)).toBeGreaterThan(0.05);
    const planks = drawn((_x, y) => (y % 12 < 6 ? 60 : 200));
    expect(straightEdges(planks)).toBe(0);
  });

  it('ignores foliage-like texture and a slanted line beyond 8 degrees', () => {
    expect(straightEdges(drawn(() => Math.floor(random() * 255)))).toBe(0);
    // A 30 degree line crossing the picture, plus a level one: no upright edge at all.
    const slanted = drawn((x, y) => (Math.abs(y - 10 - x * 0.58) < 2 || y === 80 ? 20 : 230));
    expect(straightEdges(slanted)).toBe(0);
  });
});
