// Text logos from constructed Read lines: which lines count as a logo and which as prose.
import { describe, expect, it } from 'vitest';
import type { Quad, ReadLineResult } from '../types.js';
import { brandKey, textLogos } from './text-logos.js';

/** A line of words laid left to right, 20 px per letter, at height y. */
function line(text: string, y = 100, confidence = 0.9): ReadLineResult {
  let x = 10;
  const words = text.split(' ').map((w) => {
    const box: Quad = [x, y, x + 20 * w.length, y, x + 20 * w.length, y + 30, x, y + 30];
    x += 20 * w.length + 15;
    return { text: w, box, confidence };
  });
  return { text, box: words[0]!.box, words, style: 'other', styleConfidence: 0.7 };
}

describe('text logos', () => {
  it('reports a wordmark with the box of its word', () => {
    expect(textLogos([line('Microsoft')])).toEqual([
      { name: 'Microsoft', confidence: 0.9, rect: { x: 10, y: 100, w: 180, h: 30 } },
    ]);
  });

  it('joins a name split over words, ignores case and punctuation', () => {
    expect(brandKey('COCA COLA')).toBe(brandKey('Coca-Cola'));
    expect(textLogos([line('COCA COLA')]).map((b) => b.name)).toEqual(['Coca-Cola']);
    expect(textLogos([line('Burger King')])[0]!.rect).toEqual({ x: 10, y: 100, w: 215, h: 30 });
  });

  it('forgives one OCR slip in a long name, at a lower confidence', () => {
    const [b] = textLogos([line('Micros0ft')]);
    expect(b!.name).toBe('Microsoft');
    expect(b!.confidence).toBeLessThan(0.9);
    expect(textLogos([line('Sany')])).toEqual([]); // short names must be exact
  });

  it('ignores prose that mentions a brand, fragments, and unknown words', () => {
    expect(textLogos([line('We bought the new Microsoft keyboard today')])).toEqual([]);
    expect(textLogos([line('soft'), line('Nic', 140)])).toEqual([]); // tesseract's reading of the hoodie
    expect(textLogos([line('Nutrition Facts')])).toEqual([]);
  });
});
