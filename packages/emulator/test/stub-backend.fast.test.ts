// The stub backend's rules (src/stub-backend.ts), which wiring tests elsewhere rely on.
import { describe, expect, it } from 'vitest';
import { createStubBackend } from '../src/index.js';
import { everyFeature, NOTHING_FLAGGED } from '../src/analysis/fixed-answers.js';
import { image } from './support/harness.js';

const stub = createStubBackend();

describe('createStubBackend', () => {
  it('answers model features from the image size and format, exactly', async () => {
    const dog = await stub.load(image('csdf-dog.jpg')); // 600x450 JPEG
    const all = await stub.analyze(dog, { ...everyFeature(1), color: false, imageType: false });
    expect(all).toEqual({
      tags: [
        { name: 'landscape', confidence: 1 },
        { name: 'jpeg', confidence: 1 },
      ],
      description: {
        tags: ['landscape', 'jpeg'],
        captions: [{ text: 'a 600x450 jpeg image', confidence: 1 }],
      },
      categories: [{ name: 'others_', score: 1 }],
      faces: [
        { rect: { x: 150, y: 112, w: 300, h: 225 }, age: 30, gender: 'Female', confidence: 1 },
      ],
      objects: [{ rect: { x: 0, y: 0, w: 600, h: 450 }, name: 'rectangle', confidence: 1 }],
      adult: NOTHING_FLAGGED,
      brands: [],
      celebrities: [],
      landmarks: [],
    });
    expect(await stub.analyze(dog, {})).toEqual({});
  });

  it('reads every page of a document, without lines', async () => {
    const page = await stub.load(image('skimage-page.png')); // 384x191
    expect(await stub.read(page, { readingOrder: 'basic' })).toEqual([
      { page: 1, angle: 0, width: 384, height: 191, unit: 'pixel', lines: [] },
    ]);
  });
});
