// Our fused SSD forward pass against face-api's own detectAllFaces on the same weights.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { testImage } from '../../image/__tests__/test-images.js';
import { loadFaceApi } from '../face-api-runtime.js';
import { detectSsdFaces } from './face-detector.js';

/** Faces found by face-api: 6, 4, 1, 1; none in the others. The 1155 px family photo is the bench's. */
const IMAGES = ['csdf-faces.jpg', 'csdf-celebrities.jpg', 'skimage-astronaut.png', 'csdf-objects.jpg', 'csdf-house.jpg', 'csdf-dog.jpg', 'skimage-horse.png', 'csdf-ocr-image.png'];

/** The raster the face worker gets: at most 1024 px on the long side. */
async function raster(bytes: Buffer) {
  const { data, info } = await sharp(bytes).flatten({ background: '#ffffff' })
    .resize({ width: 1024, height: 1024, fit: 'inside', withoutEnlargement: true }).toColourspace('srgb').raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('detectSsdFaces', () => {
  it("finds face-api's SsdMobilenetv1 faces, boxes within 0.5 px and scores within 1e-3", async () => {
    const api = await loadFaceApi();
    const upscaled = await sharp(testImage('csdf-faces.jpg')).resize({ width: 1155 }).jpeg({ quality: 85 }).toBuffer();
    const cases: [string, Buffer][] = [...IMAGES.map((n): [string, Buffer] => [n, testImage(n)]), ['csdf-faces.jpg at 1155 px', upscaled]];
    let withFaces = 0;
    for (const [name, bytes] of cases) {
      const img = await raster(bytes);
      const input = api.tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
      const expected = await api.detectAllFaces(input as never, new api.SsdMobilenetv1Options({ minConfidence: 0.4, maxResults: 100 }));
      input.dispose();
      const found = await detectSsdFaces(img, 0.4, 100);
      expect(found.length, name).toBe(expected.length);
      if (found.length) withFaces++;
      found.forEach((f, i) => {
        const e = expected[i]!;
        expect(f.score, `${name} face ${i} score`).toBeCloseTo(e.score, 3);
        for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(f.box[k] - e.box[k]), `${name} face ${i} ${k}`).toBeLessThan(0.5);
      });
    }
    expect(withFaces).toBe(5);
  }, 180_000);
});
