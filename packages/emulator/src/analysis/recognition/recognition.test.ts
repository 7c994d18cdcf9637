// Landmark and celebrity recognition against the shipped gallery (and a user gallery), with
// edited probes: a copy identical to a gallery picture would be the easy case.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { testImage } from '../image/__tests__/test-images.js';
import type { AnalyzeResult, Rect, VisionBackend } from '../types.js';

let backend: VisionBackend;
let userGallery: string;

const recognise = async (bytes: Buffer): Promise<AnalyzeResult> =>
  backend.analyze(await backend.load(bytes), {
    celebrities: true,
    landmarks: true,
    categories: true,
  });
const centre = (r: Rect): [number, number] => [r.x + r.w / 2, r.y + r.h / 2];

beforeAll(async () => {
  // A user gallery adds a person the shipped one lacks: the man second from left in the family photo.
  userGallery = await mkdtemp(path.join(tmpdir(), 'vg-gallery-'));
  await mkdir(path.join(userGallery, 'celebrities', 'Family Father'), { recursive: true });
  await sharp(testImage('csdf-faces.jpg'))
    .extract({ left: 70, top: 90, width: 180, height: 220 })
    .jpeg({ quality: 90 })
    .toFile(path.join(userGallery, 'celebrities', 'Family Father', 'father.jpg'));
  backend = createBackend({ galleryDir: userGallery, workers: 2 });
  await recognise(testImage('csdf-dog.jpg')); // loads the models and the gallery once
}, 240_000);
afterAll(async () => {
  await backend.close();
  await rm(userGallery, { recursive: true, force: true });
});

describe('landmarks', () => {
  it('recognises a resized, cropped, recompressed Colosseum photo, and files it under building_', async () => {
    const probe = await sharp(testImage('csdf-landmark.jpg'))
      .resize({ width: 360 })
      .extract({ left: 54, top: 36, width: 252, height: 168 })
      .jpeg({ quality: 50 })
      .toBuffer();
    const r = await recognise(probe);
    expect(r.landmarks!.map((l) => l.name)).toEqual(['Colosseum']);
    expect(r.landmarks![0]!.confidence).toBeGreaterThan(0.5);
    expect(r.categories!.find((c) => c.name === 'building_')!.landmarks).toEqual(r.landmarks);
  }, 120_000);

  it('recognises a mirrored copy too', async () => {
    const r = await recognise(
      await sharp(testImage('csdf-landmark.jpg')).flop().jpeg({ quality: 70 }).toBuffer(),
    );
    expect(r.landmarks!.map((l) => l.name)).toEqual(['Colosseum']);
  }, 120_000);

  it('finds no landmark in unrelated photos', async () => {
    for (const name of ['csdf-house.jpg', 'csdf-dog.jpg', 'pysamples-house.jpg']) {
      expect((await recognise(testImage(name))).landmarks).toEqual([]);
    }
  }, 120_000);
});

describe('celebrities', () => {
  it('names the four men of a downscaled, recompressed copy at their faces, left to right', async () => {
    const probe = await sharp(testImage('csdf-celebrities.jpg'))
      .resize({ width: 640 })
      .jpeg({ quality: 60 })
      .toBuffer();
    const r = await recognise(probe);
    const celebs = [...r.celebrities!].sort((a, b) => a.rect.x - b.rect.x);
    expect(celebs.map((c) => c.name)).toEqual([
      'John W. Thompson',
      'Satya Nadella',
      'Bill Gates',
      'Steve Ballmer',
    ]);
    // Boxes are in the probe's pixels; each lies where that man stands in the original (800 px wide).
    const expectedX = [105, 295, 481, 615].map((x) => (x * 640) / 800);
    celebs.forEach((c, i) => expect(Math.abs(centre(c.rect)[0] - expectedX[i]!)).toBeLessThan(20));
    for (const c of celebs) expect(c.confidence).toBeGreaterThan(0.5);
  }, 120_000);

  it('names the astronaut in a smaller, recompressed copy', async () => {
    const probe = await sharp(testImage('skimage-astronaut.png'))
      .resize({ width: 360 })
      .jpeg({ quality: 60 })
      .toBuffer();
    expect((await recognise(probe)).celebrities!.map((c) => c.name)).toEqual(['Eileen Collins']);
  }, 120_000);

  it('names nobody from the shipped gallery in the family photo, but finds the user-gallery face', async () => {
    const r = await recognise(
      await sharp(testImage('csdf-faces.jpg'))
        .resize({ width: 500 })
        .jpeg({ quality: 70 })
        .toBuffer(),
    );
    expect(r.celebrities!.map((c) => c.name)).toEqual(['Family Father']);
    const [x, y] = centre(r.celebrities![0]!.rect);
    expect(x).toBeGreaterThan(70 * (500 / 600));
    expect(x).toBeLessThan(250 * (500 / 600));
    expect(y).toBeLessThan(300 * (500 / 600));
    expect(r.categories!.find((c) => c.name.startsWith('people_'))!.celebrities).toEqual(
      r.celebrities,
    );
  }, 120_000);

  it('names nobody in photos without gallery people', async () => {
    for (const name of ['csdf-objects.jpg', 'skimage-camera.png']) {
      expect((await recognise(testImage(name))).celebrities).toEqual([]);
    }
  }, 120_000);
});
