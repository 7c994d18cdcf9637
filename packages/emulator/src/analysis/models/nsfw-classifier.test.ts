// The fused MobileNetV2 (batch norms folded into the convolutions) against nsfwjs' own layers model.
import { beforeAll, describe, expect, it } from 'vitest';
import type { NSFWJS } from 'nsfwjs';
import type * as tf from '@tensorflow/tfjs';
import { testRaster } from '../image/__tests__/test-images.js';
import { classifyNsfw } from './nsfw-classifier.js';
import { ensureWasmBackend, requireCjs } from './tf-runtime.js';

const IMAGES = [
  'csdf-objects.jpg',
  'csdf-gray-shirt-logo.jpg',
  'tjs-simple.gif',
  'skimage-horse.png',
  'csdf-celebrities.jpg',
];
let reference: NSFWJS;

/** The raster the analysis gets (at most 320 px on the long side). */
const raster = (image: string | Buffer) => testRaster(image, 320);

beforeAll(async () => {
  await ensureWasmBackend();
  const { load } = await import('nsfwjs');
  const info = console.info;
  console.info = () => undefined;
  try {
    reference = await load('MobileNetV2');
  } finally {
    console.info = info;
  }
}, 120_000);

describe('classifyNsfw', () => {
  it('gives nsfwjs.classify scores to 1e-4 on the test images', async () => {
    const t = requireCjs('@tensorflow/tfjs') as typeof tf;
    for (const name of IMAGES) {
      const img = await raster(name);
      const input = t.tensor3d(img.data, [img.height, img.width, 3], 'int32');
      const expected = Object.fromEntries(
        (await reference.classify(input, 5)).map((p) => [p.className, p.probability]),
      );
      input.dispose();
      const scores = await classifyNsfw(img);
      for (const [cls, p] of Object.entries(expected))
        expect(scores[cls as keyof typeof scores], `${name} ${cls}`).toBeCloseTo(p, 4);
    }
  }, 120_000);
});
