import { describe, expect, it } from 'vitest';
import type { LoadedImage, VisionBackend } from '../types.js';
import { clampQuad, clampRect } from './clamp.js';
import { createClampingBackend } from './clamping-backend.js';

const frame = { width: 299, height: 213 };

describe('clampRect', () => {
  it('keeps the part inside the image (the logo example: y -4, 286x219 on 299x213)', () => {
    expect(clampRect({ x: 7, y: -4, w: 286, h: 219 }, frame)).toEqual({
      x: 7,
      y: 0,
      w: 286,
      h: 213,
    });
  });
  it('rounds edges, so x + w never passes the border', () => {
    expect(clampRect({ x: 0.5, y: 10.4, w: 298.4, h: 20.2 }, frame)).toEqual({
      x: 1,
      y: 10,
      w: 298,
      h: 21,
    });
    expect(clampRect({ x: 298.6, y: 0, w: 5, h: 5 }, frame)).toEqual({ x: 299, y: 0, w: 0, h: 5 });
  });
  it('leaves a rectangle already inside as it is', () => {
    expect(clampRect({ x: 10, y: 20, w: 30, h: 40 }, frame)).toEqual({
      x: 10,
      y: 20,
      w: 30,
      h: 40,
    });
  });
});

describe('clampQuad', () => {
  it('moves each corner onto the frame', () => {
    expect(clampQuad([-3, -1, 305, 2, 310, 220, -2, 215], frame)).toEqual([
      0, 0, 299, 2, 299, 213, 0, 213,
    ]);
  });
});

describe('createClampingBackend', () => {
  const img = { width: 299, height: 213, pages: 1 } as LoadedImage;
  const outside = { x: -10, y: 200, w: 400, h: 50 };
  const quad = [-5, -5, 400, -5, 400, 300, -5, 300] as const;
  const stub = {
    analyze: async () => ({
      faces: [{ rect: outside, age: 30, gender: 'Female', confidence: 0.9 }],
      objects: [{ rect: outside, name: 'person', confidence: 0.8 }],
      brands: [{ rect: outside, name: 'Microsoft', confidence: 0.7 }],
      celebrities: [{ rect: outside, name: 'A', confidence: 0.9 }],
      categories: [
        {
          name: 'people_',
          score: 0.5,
          celebrities: [{ rect: outside, name: 'A', confidence: 0.9 }],
        },
      ],
    }),
    areaOfInterest: async () => outside,
    ocr: async () => ({
      language: 'en',
      textAngle: 0,
      orientation: 'Left' as const,
      regions: [
        { rect: outside, lines: [{ rect: outside, words: [{ text: 'a', rect: outside }] }] },
      ],
    }),
    read: async () => [
      {
        page: 1,
        angle: 0,
        width: 8.5,
        height: 11,
        unit: 'inch' as const,
        lines: [
          {
            text: 'a',
            box: [...quad],
            style: 'other' as const,
            styleConfidence: 1,
            words: [{ text: 'a', box: [...quad], confidence: 1 }],
          },
        ],
      },
    ],
  } as unknown as VisionBackend;
  const backend = createClampingBackend(stub);
  const inside = { x: 0, y: 200, w: 299, h: 13 };

  it('clamps every rectangle of analyze to the image', async () => {
    const r = await backend.analyze(img, {});
    expect(
      [r.faces, r.objects, r.brands, r.celebrities, r.categories![0]!.celebrities].map(
        (l) => l![0]!.rect,
      ),
    ).toEqual(Array(5).fill(inside));
  });
  it('clamps the area of interest', async () => {
    expect(await backend.areaOfInterest(img)).toEqual(inside);
  });
  it('clamps OCR boxes to the upright image (sideways text swaps width and height)', async () => {
    const r = await backend.ocr(img, { language: 'en', detectOrientation: true });
    const upright = { x: 0, y: 200, w: 213, h: 50 };
    expect(r.regions[0]!.rect).toEqual(upright);
    expect(r.regions[0]!.lines[0]!.words[0]!.rect).toEqual(upright);
  });
  it('clamps Read polygons to their page, in its unit', async () => {
    const [page] = await backend.read(img, { readingOrder: 'basic' });
    expect(page!.lines[0]!.box).toEqual([0, 0, 8.5, 0, 8.5, 11, 0, 11]);
    expect(page!.lines[0]!.words[0]!.box).toEqual([0, 0, 8.5, 0, 8.5, 11, 0, 11]);
  });
});
