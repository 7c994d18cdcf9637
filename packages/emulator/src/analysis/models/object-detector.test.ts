// detectObjects decodes centernet's heads itself (centernet-decode.ts); it must give exactly what
// human.detect() gives for the same raster.
import { describe, expect, it } from 'vitest';
import { testRaster } from '../image/__tests__/test-images.js';
import { detectObjects, loadHuman } from './object-detector.js';

const IMAGES = [
  'csdf-objects.jpg',
  'csdf-celebrities.jpg',
  'csdf-faces.jpg',
  'csdf-house.jpg',
  'csdf-dog.jpg',
  'skimage-horse.png',
  'csdf-type-image.jpg',
  'csdf-printed_text.jpg',
];

/** The raster the analysis gets (at most 640 px on the long side). */
const raster = (image: string | Buffer) => testRaster(image, 640);

describe('detectObjects', () => {
  it("gives human.detect()'s objects, boxes and scores on the test images", async () => {
    const human = await loadHuman();
    let objects = 0;
    for (const name of IMAGES) {
      const img = await raster(name);
      const input = human.tf.tensor4d(
        new Int32Array(img.data),
        [1, img.height, img.width, 3],
        'int32',
      );
      const expected = (await human.detect(input)).object.map((o) => ({
        box: o.box,
        score: o.score,
        label: o.label,
      }));
      human.tf.dispose(input);
      expect(await detectObjects(img), name).toEqual(expected);
      objects += expected.length;
    }
    expect(objects).toBeGreaterThan(10); // the comparison covered real detections
  }, 180_000);
});
