// The cheap dense-print test that sends a document page straight to tesseract, on test images.
import { describe, expect, it } from 'vitest';
import { testRaster } from '../image/__tests__/test-images.js';
import { looksLikeDensePrint } from './dense-print.js';

describe('dense print', () => {
  it('sees the dense two-column magazine page as a printed document', async () => {
    expect(looksLikeDensePrint(await testRaster('rest-read.png'))).toBe(true);
  });

  it.each([
    'tess-eurotext.tif',
    'tjs-testocr.png',
    'skimage-page.png',
    'csdf-printed_text.jpg',
    'csdf-handwritten_text.jpg',
    'rest-handwriting.jpg',
    'azsdk-sample.jpg',
    'csdf-faces.jpg',
    'skimage-horse.png',
  ])('leaves %s to the detector', async (name) => {
    expect(looksLikeDensePrint(await testRaster(name))).toBe(false);
  });

  it('counts letters, not one large dark shape: a page of drawn letters is dense', () => {
    const [width, height] = [600, 800];
    const data = new Uint8Array(width * height * 3).fill(250);
    const ink = (x0: number, y0: number, w: number, h: number) => {
      for (let y = y0; y < y0 + h; y++)
        data.fill(20, (y * width + x0) * 3, (y * width + x0 + w) * 3);
    };
    // 40 lines of 25 letters 8 x 12 px: 1,000 marks.
    for (let line = 0; line < 40; line++)
      for (let k = 0; k < 25; k++) ink(20 + k * 22, 20 + line * 19, 8, 12);
    expect(looksLikeDensePrint({ data, width, height })).toBe(true);
    // The same ink area as one block is not a page of letters.
    data.fill(250);
    ink(100, 100, 400, 300);
    expect(looksLikeDensePrint({ data, width, height })).toBe(false);
  });
});
