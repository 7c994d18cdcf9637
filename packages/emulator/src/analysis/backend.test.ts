// The composed backend on real models and real test images (testdata/TRUTH.md).
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from './backend.js';
import { testImage } from './image/__tests__/test-images.js';
import type { AnalyzeRequest, AnalyzeResult, VisionBackend } from './types.js';

const ALL: AnalyzeRequest = {
  faces: true,
  objects: true,
  tags: true,
  description: { maxCandidates: 3 },
  categories: true,
  color: true,
  imageType: true,
  adult: true,
  brands: true,
};

let backend: VisionBackend;
const results = new Map<string, Promise<AnalyzeResult>>();
/** Every feature of a test image, computed once per file and shared by the assertions. */
const analyzed = (name: string): Promise<AnalyzeResult> => {
  if (!results.has(name))
    results.set(
      name,
      backend.load(testImage(name)).then((img) => backend.analyze(img, ALL)),
    );
  return results.get(name)!;
};
const tagNames = (r: AnalyzeResult): string[] => r.tags!.map((t) => t.name);

beforeAll(async () => {
  backend = createBackend({ workers: 2 });
  await analyzed('csdf-dog.jpg'); // loads every model once
}, 240_000);
afterAll(() => backend.close());

describe('faces', () => {
  it('finds the six faces of the family photo and none in the dog or house photos', async () => {
    expect((await analyzed('csdf-faces.jpg')).faces!.length).toBe(6);
    expect((await analyzed('csdf-dog.jpg')).faces).toEqual([]);
    expect((await analyzed('csdf-house.jpg')).faces).toEqual([]);
  }, 120_000);

  it('finds the astronaut: one face in the upper middle, female, of a plausible adult age', async () => {
    const [face, ...rest] = (await analyzed('skimage-astronaut.png')).faces!;
    expect(rest).toEqual([]);
    const cx = face!.rect.x + face!.rect.w / 2;
    const cy = face!.rect.y + face!.rect.h / 2;
    expect(cx).toBeGreaterThan(512 * 0.25);
    expect(cx).toBeLessThan(512 * 0.65);
    expect(cy).toBeLessThan(512 * 0.5);
    expect(face!.rect.w).toBeGreaterThan(40);
    expect(face!.gender).toBe('Female');
    expect(face!.age).toBeGreaterThanOrEqual(20);
    expect(face!.age).toBeLessThanOrEqual(60);
  }, 120_000);

  it('finds the four small faces of the black-and-white group photo', async () => {
    const faces = (await analyzed('csdf-celebrities.jpg')).faces!;
    expect(faces).toHaveLength(4);
    expect(faces.every((f) => f.gender === 'Male')).toBe(true);
  }, 120_000);
});

describe('objects', () => {
  it('finds the skateboarder and his skateboard, boxes inside the image', async () => {
    const objects = (await analyzed('csdf-objects.jpg')).objects!;
    const names = objects.map((o) => o.name);
    expect(names).toContain('person');
    expect(names).toContain('skateboard');
    for (const o of objects) {
      expect(o.rect.x).toBeGreaterThanOrEqual(0);
      expect(o.rect.x + o.rect.w).toBeLessThanOrEqual(600 + 1);
      expect(o.rect.y + o.rect.h).toBeLessThanOrEqual(462 + 1);
    }
    expect(objects.find((o) => o.name === 'skateboard')!.parent?.name).toBe('sports equipment');
  }, 120_000);

  it('finds an animal in the dog photo, with its parent chain', async () => {
    const animal = (await analyzed('csdf-dog.jpg')).objects!.find(
      (o) => o.parent?.parent?.name === 'animal' || o.parent?.name === 'animal',
    );
    expect(animal).toBeDefined();
    expect(animal!.rect.w * animal!.rect.h).toBeGreaterThan(600 * 450 * 0.05);
  }, 120_000);
});

describe('adult', () => {
  it('scores the test photos as neither adult nor racy, and gore as not computed', async () => {
    for (const name of [
      'csdf-faces.jpg',
      'skimage-astronaut.png',
      'csdf-dog.jpg',
      'csdf-objects.jpg',
    ]) {
      const { adult } = await analyzed(name);
      expect(adult!.adultScore).toBeLessThan(0.3);
      expect(adult).toMatchObject({
        isAdultContent: false,
        isRacyContent: false,
        isGoryContent: false,
        goreScore: 0,
      });
    }
  }, 120_000);
});

describe('tags, description and categories follow the detections', () => {
  it('describes the dog photo as a dog / animal', async () => {
    const r = await analyzed('csdf-dog.jpg');
    expect(tagNames(r)).toEqual(expect.arrayContaining(['dog', 'animal']));
    expect(r.description!.captions[0]!.text).toMatch(/\bdog\b/);
    expect(r.categories!.map((c) => c.name)).toContain('animal_dog');
  }, 120_000);

  it('describes the family photo as a group of people', async () => {
    const r = await analyzed('csdf-faces.jpg');
    expect(tagNames(r)).toEqual(expect.arrayContaining(['person', 'group']));
    expect(r.description!.captions[0]!.text).toMatch(/group of (people|men|women)/);
    expect(r.categories!.map((c) => c.name)).toContain('people_group');
  }, 120_000);

  it('captions the skateboarder with what he rides', async () => {
    const r = await analyzed('csdf-objects.jpg');
    expect(r.description!.captions[0]!.text).toMatch(/^a (man|person) riding a skateboard$/);
  }, 120_000);

  it('calls one large face a portrait and a page of text text_', async () => {
    expect((await analyzed('skimage-astronaut.png')).categories![0]!.name).toBe('people_portrait');
    const page = await analyzed('tjs-testocr.png');
    expect(page.categories!.map((c) => c.name)).toContain('text_');
    expect(tagNames(page)).toContain('text');
  }, 120_000);

  it('returns distinct captions in decreasing confidence, no more than asked, tags matching', async () => {
    const r = await analyzed('csdf-objects.jpg');
    const caps = r.description!.captions;
    expect(caps.length).toBeGreaterThan(1);
    expect(caps.length).toBeLessThanOrEqual(3);
    expect(new Set(caps.map((c) => c.text)).size).toBe(caps.length);
    for (let i = 1; i < caps.length; i++)
      expect(caps[i]!.confidence).toBeLessThanOrEqual(caps[i - 1]!.confidence);
    expect(r.description!.tags).toEqual(tagNames(r));
    const img = await backend.load(testImage('csdf-objects.jpg'));
    const one = await backend.analyze(img, { description: { maxCandidates: 1 } });
    expect(one.description!.captions).toEqual([caps[0]]);
  }, 120_000);

  it('returns only what was asked: the hoodie gives its brand and no face', async () => {
    const img = await backend.load(testImage('csdf-gray-shirt-logo.jpg'));
    const r = await backend.analyze(img, { brands: true, faces: true });
    expect(Object.keys(r).sort()).toEqual(['brands', 'faces']);
    expect(r.brands!.map((b) => b.name)).toEqual(['Microsoft']);
    expect(r.faces).toEqual([]);
  }, 120_000);
});

describe('thumbnails and area of interest use the detected faces', () => {
  it('keeps the astronaut face inside the area of interest and smart-crops to the asked size', async () => {
    const img = await backend.load(testImage('skimage-astronaut.png'));
    const aoi = await backend.areaOfInterest(img);
    const face = (await analyzed('skimage-astronaut.png')).faces![0]!.rect;
    expect(aoi.x).toBeLessThanOrEqual(face.x);
    expect(aoi.y).toBeLessThanOrEqual(face.y);
    expect(aoi.x + aoi.w).toBeGreaterThanOrEqual(face.x + face.w);
    expect(aoi.y + aoi.h).toBeGreaterThanOrEqual(face.y + face.h);
    const thumb = await backend.thumbnail(img, 64, 64, true);
    expect(thumb.contentType).toBe('image/png');
    expect(await sharp(thumb.data).metadata()).toMatchObject({ width: 64, height: 64 });
  }, 120_000);
});

describe('cancellation', () => {
  it('rejects at once for an already aborted request and keeps serving others', async () => {
    const img = await backend.load(testImage('csdf-faces.jpg'));
    const started = Date.now();
    await expect(backend.analyze(img, ALL, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    const inFlight = new AbortController();
    const pending = backend.analyze(img, ALL, { signal: inFlight.signal });
    setTimeout(() => inFlight.abort(), 5);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const after = await backend.analyze(img, { faces: true });
    expect(after.faces!.length).toBe((await analyzed('csdf-faces.jpg')).faces!.length);
  }, 120_000);
});
