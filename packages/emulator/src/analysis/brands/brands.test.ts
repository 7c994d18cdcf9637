// Brands through the backend: the shipped logo gallery on the hoodie photo and on an edited copy
// pasted into another photo, a user logo gallery, and no brand on unrelated images.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { testImage } from '../image/__tests__/test-images.js';
import type { BrandResult, Rect, VisionBackend } from '../types.js';

let backend: VisionBackend;
let userGallery: string;

const brandsOf = async (bytes: Buffer): Promise<BrandResult[]> =>
  (await backend.analyze(await backend.load(bytes), { brands: true })).brands!;

/** Share of `inner` that lies inside `outer`. */
function within(inner: Rect, outer: Rect): number {
  const w = Math.min(inner.x + inner.w, outer.x + outer.w) - Math.max(inner.x, outer.x);
  const h = Math.min(inner.y + inner.h, outer.y + outer.h) - Math.max(inner.y, outer.y);
  return w > 0 && h > 0 ? (w * h) / (inner.w * inner.h) : 0;
}

/** A made-up emblem: 40 sharp-cornered triangles in contrasting colours (a fixed pseudo-random draw). */
function emblem(): Buffer {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const colours = ['#1b3a6b', '#c8102e', '#2a7d2e', '#111111', '#f2b705'];
  const shapes = Array.from({ length: 40 }, () => {
    const [x, y] = [next(220), next(140)];
    const pts = [0, 1, 2].map(() => `${x + next(40)},${y + next(40)}`).join(' ');
    return `<polygon points="${pts}" fill="${colours[next(colours.length)]}"/>`;
  });
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="180"><rect width="260" height="180" fill="#f4f1e8"/>${shapes.join('')}</svg>`,
  );
}
const EMBLEM = emblem();

beforeAll(async () => {
  userGallery = await mkdtemp(path.join(tmpdir(), 'vg-logos-'));
  await mkdir(path.join(userGallery, 'logos', 'Contoso'), { recursive: true });
  await sharp(EMBLEM)
    .png()
    .toFile(path.join(userGallery, 'logos', 'Contoso', 'emblem.png'));
  backend = createBackend({ galleryDir: userGallery, workers: 2 });
}, 60_000);
afterAll(async () => {
  await backend.close();
  await rm(userGallery, { recursive: true, force: true });
});

describe('brands', () => {
  it('finds Microsoft on the hoodie, its rectangle on the logo', async () => {
    const brands = await brandsOf(testImage('csdf-gray-shirt-logo.jpg'));
    expect(brands.map((b) => b.name)).toEqual(['Microsoft']);
    expect(brands[0]!.confidence).toBeGreaterThan(0.5);
    // The logo (coloured squares and the word) spans about x 60-270, y 80-150 of 299 x 213.
    const logo = { x: 55, y: 70, w: 220, h: 90 };
    expect(within(brands[0]!.rect, logo)).toBeGreaterThan(0.9);
    expect(brands[0]!.rect.w * brands[0]!.rect.h).toBeGreaterThan(0.4 * logo.w * logo.h);
  }, 120_000);

  it('finds it on a shrunk, recompressed copy pasted into another photo, where it was pasted', async () => {
    const shirt = await sharp(testImage('csdf-gray-shirt-logo.jpg'))
      .resize({ width: 260 })
      .toBuffer();
    const probe = await sharp(testImage('csdf-house.jpg'))
      .composite([{ input: shirt, left: 300, top: 200 }])
      .jpeg({ quality: 60 })
      .toBuffer();
    const [brand, ...rest] = await brandsOf(probe);
    expect(rest).toEqual([]);
    expect(brand!.name).toBe('Microsoft');
    // 260/299 of the logo area, offset by where the shirt was pasted.
    const logo = { x: 300 + 48, y: 200 + 61, w: 191, h: 78 };
    expect(within(brand!.rect, logo)).toBeGreaterThan(0.8);
  }, 120_000);

  it("finds a user gallery's logo in a photo it was printed on", async () => {
    const emblem = await sharp(EMBLEM).resize({ width: 200 }).png().toBuffer();
    const probe = await sharp(testImage('csdf-dog.jpg'))
      .composite([{ input: emblem, left: 40, top: 30 }])
      .jpeg({ quality: 75 })
      .toBuffer();
    const brands = await brandsOf(probe);
    expect(brands.map((b) => b.name)).toEqual(['Contoso']);
    expect(within(brands[0]!.rect, { x: 40, y: 30, w: 200, h: 139 })).toBeGreaterThan(0.9);
  }, 120_000);

  it('finds no brand on unrelated photos, pages and drawings', async () => {
    for (const name of [
      'csdf-house.jpg',
      'csdf-faces.jpg',
      'csdf-MultiLingual.png',
      'skimage-astronaut.png',
      'csdf-type-image.jpg',
    ]) {
      expect({ name, brands: await brandsOf(testImage(name)) }).toEqual({ name, brands: [] });
    }
  }, 240_000);
});
