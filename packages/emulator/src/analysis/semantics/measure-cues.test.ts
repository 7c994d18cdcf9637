// The text cue on real pages and photos (the same measurement the backend makes, no models).
import { describe, expect, it } from 'vitest';
import { loadImage } from '../image/load-image.js';
import { testImage } from '../image/__tests__/test-images.js';
import { measureCues } from './measure-cues.js';

const textOf = async (name: string): Promise<number> =>
  (await measureCues(await loadImage(testImage(name)))).text;

describe('text cue', () => {
  it('sees text on white pages and on grey paper photographed in dim or uneven light', async () => {
    expect(await textOf('tjs-testocr.png')).toBe(0.95);
    // Uneven lighting (41 % white), handwriting on grey lined paper, maths on grey paper.
    expect(await textOf('skimage-page.png')).toBe(0.95);
    expect(await textOf('rest-handwriting.jpg')).toBeGreaterThan(0.6);
    expect(await textOf('skimage-text.png')).toBeGreaterThan(0.6);
  });

  it('sees none in photos, grey ones included, nor in drawings', async () => {
    for (const name of [
      'csdf-celebrities.jpg',
      'skimage-camera.png',
      'csdf-objects.jpg',
      'csdf-faces.jpg',
      'pysamples-house.jpg',
      'csdf-lion_drawing.png',
      'skimage-horse.png',
    ])
      expect(await textOf(name), name).toBe(0);
  });
});
