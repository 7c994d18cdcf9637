import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { testImage } from '../image/__tests__/test-images.js';
import { TesseractPool } from './worker-pool.js';

const pool = new TesseractPool(2);
afterAll(() => pool.close());

const png = await sharp(testImage('tjs-simple.gif')).png().toBuffer();
const read = (lang: 'eng' | 'deu') => pool.use(lang, async (w) => (await w.recognize(png)).data.text.trim());

describe('TesseractPool', () => {
  it('runs more jobs than workers, in parallel up to its size', async () => {
    let running = 0;
    let most = 0;
    const job = () => pool.use('eng', async (w) => {
      most = Math.max(most, ++running);
      const { data } = await w.recognize(png);
      running--;
      return data.text.trim();
    });
    expect(await Promise.all([job(), job(), job(), job()])).toEqual(Array(4).fill('Tesseract.js'));
    expect(most).toBe(2);
  }, 60_000);

  it('switches a worker to another language when asked', async () => {
    expect(await Promise.all([read('deu'), read('eng'), read('deu')])).toEqual(Array(3).fill('Tesseract.js'));
  }, 60_000);

  it('refuses work once closed', async () => {
    const closed = new TesseractPool(1);
    await closed.close();
    await expect(closed.use('eng', async () => 1)).rejects.toThrow(/closed/);
  });
});
