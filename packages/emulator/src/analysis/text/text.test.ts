import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { testImage } from '../image/__tests__/test-images.js';
import { loadImage } from '../image/load-image.js';
import type { OcrAnalysis, Rect } from '../types.js';
import { wordAccuracy } from '../../../test/support/word-accuracy.js';
import { closeText, readText, recognizePrinted, tessLanguage } from './index.js';

// Texts from testdata/TRUTH.md.
const TESTOCR =
  'This is a lot of 12 point text to test the ocr code and see if it works on all types of file format. ' +
  'The quick brown dog jumped over the lazy fox. The quick brown dog jumped over the lazy fox. The quick brown dog ' +
  'jumped over the lazy fox. The quick brown dog jumped over the lazy fox.';

const ocrText = (r: OcrAnalysis): string =>
  r.regions.flatMap((g) => g.lines.flatMap((l) => l.words.map((w) => w.text))).join(' ');
const ocrRects = (r: OcrAnalysis): Rect[] =>
  r.regions.flatMap((g) => [
    g.rect,
    ...g.lines.flatMap((l) => [l.rect, ...l.words.map((w) => w.rect)]),
  ]);
const inside = (rects: Rect[], w: number, h: number): boolean =>
  rects.every(
    (r) => r.x >= 0 && r.y >= 0 && r.w > 0 && r.h > 0 && r.x + r.w <= w && r.y + r.h <= h,
  );
const load = (name: string) => loadImage(testImage(name));

afterAll(closeText);

describe('recognizePrinted (/ocr)', () => {
  it('reads tjs-testocr.png with word boxes in the image', async () => {
    const r = await recognizePrinted(await load('tjs-testocr.png'), {
      language: 'en',
      detectOrientation: false,
    });
    expect(wordAccuracy(TESTOCR, ocrText(r))).toBeGreaterThanOrEqual(0.95);
    expect(r.language).toBe('en');
    expect(r.orientation).toBe('NotDetected');
    expect(Math.abs(r.textAngle)).toBeLessThan(0.02);
    expect(r.regions).toHaveLength(1);
    expect(r.regions[0]!.lines).toHaveLength(8);
    expect(inside(ocrRects(r), 640, 480)).toBe(true);
  });

  it.each([
    ['tess-phototest-rotated-L.png', 'Left'],
    ['tess-phototest-rotated-R.png', 'Right'],
  ] as const)('turns %s upright and reports %s', async (name, orientation) => {
    const r = await recognizePrinted(await load(name), {
      language: 'unk',
      detectOrientation: true,
    });
    expect(r.orientation).toBe(orientation);
    expect(r.language).toBe('en');
    expect(wordAccuracy(TESTOCR, ocrText(r))).toBeGreaterThanOrEqual(0.9);
    expect(inside(ocrRects(r), 480, 640)).toBe(true);
    // Boxes are in the original (sideways) image: long lines are tall and narrow, and the first
    // line sits on the side the text's top faces.
    const [first, second] = r.regions[0]!.lines;
    expect(first!.rect.h).toBeGreaterThan(5 * first!.rect.w);
    if (orientation === 'Left') expect(first!.rect.x).toBeLessThan(second!.rect.x);
    else expect(first!.rect.x).toBeGreaterThan(second!.rect.x);
  });

  it('levels text skewed by 10 degrees and reports the angle', async () => {
    const skewed = await sharp(testImage('tjs-testocr.png'))
      .flatten({ background: '#ffffff' })
      .rotate(10, { background: '#ffffff' })
      .png()
      .toBuffer();
    const img = await loadImage(skewed);
    const r = await recognizePrinted(img, { language: 'en', detectOrientation: true });
    expect(wordAccuracy(TESTOCR, ocrText(r))).toBeGreaterThanOrEqual(0.9);
    expect(r.orientation).toBe('Up');
    // Turning the image clockwise by textAngle levels the text: -10 degrees.
    expect((r.textAngle * 180) / Math.PI).toBeCloseTo(-10, 0);
    expect(inside(ocrRects(r), img.width, img.height)).toBe(true);
    const [page] = await readText(img, { readingOrder: 'basic' });
    expect(page!.angle).toBeCloseTo(10, 0);
    const [x1, y1, x2, y2] = page!.lines[0]!.box;
    expect((Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI).toBeCloseTo(10, 0);
  }, 120_000);

  it('reads German and Portuguese letters with the language asked for', async () => {
    const img = await load('tess-eurotext.tif');
    const de = ocrText(await recognizePrinted(img, { language: 'de', detectOrientation: false }));
    expect(de).toMatch(/über/);
    expect(de).toMatch(/schnelle/);
    const pt = ocrText(await recognizePrinted(img, { language: 'pt', detectOrientation: false }));
    expect(pt).toMatch(/preguiçoso/);
  });

  it('reads French with a cedilla, and detects English on an unknown-language page', async () => {
    const img = await load('csdf-MultiLingual.png');
    const fr = await recognizePrinted(img, { language: 'fr', detectOrientation: false });
    expect(ocrText(fr)).toMatch(/ça coûte/);
    const unk = await recognizePrinted(img, { language: 'unk', detectOrientation: false });
    expect(unk.language).toBe('en');
    expect(
      wordAccuracy('English: How much is this? Dutch: Hoeveel is dit?', ocrText(unk), {
        partial: true,
      }),
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('splits a two-column page into regions per column and paragraph', async () => {
    const r = await recognizePrinted(await load('rest-read.png'), {
      language: 'en',
      detectOrientation: false,
    });
    const first = (start: string) =>
      r.regions.find((g) =>
        g.lines[0]!.words.map((w) => w.text)
          .join(' ')
          .startsWith(start),
      );
    const left = first('As pharmaceutical');
    const right = first('Tandem was able');
    expect(left && right).toBeTruthy();
    // Each column's region stays in its column.
    expect(left!.rect.x + left!.rect.w).toBeLessThan(right!.rect.x);
    expect(r.regions.length).toBeGreaterThan(8);
  }, 180_000);

  it('finds small sideways text even when OSD is unsure', async () => {
    const r = await recognizePrinted(await load('csdf-ocr-image.png'), {
      language: 'en',
      detectOrientation: true,
    });
    expect(r.orientation).toBe('Left');
    expect(
      wordAccuracy('We like all cookies but fresh baked cookie is best cookie', ocrText(r), {
        partial: true,
      }),
    ).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it.each(['skimage-camera.png', 'csdf-house.jpg', 'csdf-dog.jpg'])(
    'finds no text in the photo %s',
    async (name) => {
      const r = await recognizePrinted(await load(name), {
        language: 'en',
        detectOrientation: true,
      });
      expect(r.regions).toEqual([]);
      expect(r.orientation).toBe('NotDetected');
    },
    60_000,
  );

  it('maps Azure codes to shipped traineddata and falls back to English', () => {
    expect(tessLanguage('de')).toEqual({ tess: 'deu', fallback: false, detect: false });
    expect(tessLanguage('pt-BR').tess).toBe('por');
    expect(tessLanguage('ja')).toEqual({ tess: 'eng', fallback: true, detect: false });
    expect(tessLanguage('unk').detect).toBe(true);
  });
});

describe('readText (Read 3.2) on photos, scene text and handwriting (PP-OCR)', () => {
  const lineTexts = async (name: string) =>
    (await readText(await load(name), { readingOrder: 'natural' }))[0]!.lines;

  it('reads the logo on the shirt as one word, Microsoft, boxed around it', async () => {
    const lines = await lineTexts('csdf-gray-shirt-logo.jpg');
    expect(lines.map((l) => l.text)).toEqual(['Microsoft']);
    const [word] = lines[0]!.words;
    expect(word!.text).toBe('Microsoft');
    expect(word!.confidence).toBeGreaterThan(0.9);
    // The lettering runs from x ~115 to ~262 of the 299x213 photo, rising to the right; the
    // Windows flag left of it is not part of the word.
    const xs = word!.box.filter((_, i) => i % 2 === 0);
    const ys = word!.box.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeGreaterThan(100);
    expect(Math.max(...xs)).toBeLessThan(280);
    expect(Math.min(...ys)).toBeGreaterThan(60);
    expect(Math.max(...ys)).toBeLessThan(160);
    const [x1, y1, x2, y2] = word!.box;
    expect(y2).toBeLessThan(y1);
    expect(x2 - x1).toBeGreaterThan(120);
    expect(lines[0]!.style).toBe('other');
  });

  // One line of type: PP-OCR reads it. The bar of the T overhangs the e: no word space there.
  it.each(['tjs-simple.gif', 'tjs-simple.bmp', 'tjs-simple-90.jpg'])(
    'reads %s as the one word Tesseract.js',
    async (name) => {
      const lines = await lineTexts(name);
      expect(lines.map((l) => l.words.map((w) => w.text))).toEqual([['Tesseract.js']]);
    },
  );

  it('reads the small printed label in a corner of the sample photo (scene text, not a page)', async () => {
    const lines = await lineTexts('azsdk-sample.jpg');
    expect(lines.map((l) => l.text)).toEqual(['Sample text', 'Hand writing', '123 456']);
  });

  it('reads the whiteboard handwriting at >= 80% word accuracy, in two lines marked handwriting', async () => {
    const lines = await lineTexts('csdf-handwritten_text.jpg');
    expect(lines).toHaveLength(2);
    const text = lines.map((l) => l.text).join(' ');
    expect(
      wordAccuracy('You must be the change you want to see in the world!', text),
    ).toBeGreaterThanOrEqual(0.8);
    expect(lines[0]!.text.toLowerCase()).toBe('you must be the change');
    for (const l of lines) expect(l.style).toBe('handwriting');
  });

  it('reads the lined-paper handwriting in three lines, top to bottom, marked handwriting', async () => {
    const lines = await lineTexts('rest-handwriting.jpg');
    expect(lines).toHaveLength(3);
    // Tesseract read none of these words (0%); PP-OCR alone 27%; with the word list 8 of 11
    // ("brow", "Lay" and "do3" stay as read).
    expect(
      wordAccuracy(
        'The quick brown fox jumps over the lazy dog -Rock Turtle',
        lines.map((l) => l.text).join(' '),
      ),
    ).toBeGreaterThanOrEqual(0.7);
    expect(lines[2]!.words.map((w) => w.text)).toEqual(['Rock', 'Turtle']);
    expect(lines[0]!.words[0]!.text).toBe('The');
    expect(lines[1]!.words[0]!.text).toBe('jumps');
    for (const l of lines) expect(l.style).toBe('handwriting');
    // Words follow each other along their line, inside the line's box.
    for (const l of lines) {
      const lx = l.box.filter((_, i) => i % 2 === 0);
      for (let i = 0; i < l.words.length; i++) {
        const w = l.words[i]!.box;
        expect(w[0]).toBeGreaterThanOrEqual(Math.min(...lx) - 1);
        expect(w[2]).toBeLessThanOrEqual(Math.max(...lx) + 1);
        if (i) expect(w[0]).toBeGreaterThanOrEqual(l.words[i - 1]!.box[2] - 2);
      }
    }
  });

  it.each(['csdf-faces.jpg', 'csdf-dog.jpg', 'skimage-astronaut.png'])(
    'reads no words in the photo %s',
    async (name) => {
      expect(await lineTexts(name)).toEqual([]);
    },
  );

  it('reads the unevenly lit page with PP-OCR, better than tesseract did (66.7%)', async () => {
    const text = (await lineTexts('skimage-page.png')).map((l) => l.text).join(' ');
    const truth =
      'Region-based segmentation Let us first determine markers of the coins and the background. These markers are pixels that we can label unambiguously as either object or background. Here, the markers are found at the two extreme parts of the histogram of grey values: >>> markers = np.zeros_like(coins)';
    expect(wordAccuracy(truth, text)).toBeGreaterThanOrEqual(0.75);
  });
});

describe('readText (Read 3.2)', () => {
  it('reads the two-column page in natural order', async () => {
    const [page] = await readText(await load('rest-read.png'), { readingOrder: 'natural' });
    expect(page).toMatchObject({
      page: 1,
      unit: 'pixel',
      width: 915,
      height: 1190,
      language: 'en',
    });
    expect(page!.lines.length).toBeGreaterThan(60);
    const at = (start: string): number => page!.lines.findIndex((l) => l.text.startsWith(start));
    // Left column top to bottom, then the right column.
    expect(at('benefits in diverse areas')).toBeGreaterThan(at('As pharmaceutical'));
    expect(at('constant finger pricks')).toBeGreaterThan(at('benefits in diverse areas'));
    expect(at('Tandem was able')).toBeGreaterThan(at('constant finger pricks'));
    expect(at('leveraging the')).toBeGreaterThan(at('Tandem was able'));
    for (const l of page!.lines) {
      expect(l.box).toHaveLength(8);
      const [x1, y1, x2, , , y3] = l.box;
      expect(x2).toBeGreaterThan(x1);
      expect(y3).toBeGreaterThan(y1);
      for (const w of l.words)
        expect(w.confidence).toBeGreaterThanOrEqual(0), expect(w.confidence).toBeLessThanOrEqual(1);
    }
  }, 180_000);

  it('reads rows left to right in basic order', async () => {
    const [page] = await readText(await load('rest-read.png'), { readingOrder: 'basic' });
    const at = (start: string): number => page!.lines.findIndex((l) => l.text.startsWith(start));
    expect(at('Tandem was able')).toBe(at('As pharmaceutical') + 1);
    expect(at('benefits in diverse areas')).toBeGreaterThan(at('Tandem was able'));
  }, 180_000);

  it('reads every page of the PDF, in inches', async () => {
    const pages = await readText(await load('csdf-printed_handwritten.pdf'), {
      readingOrder: 'basic',
    });
    expect(pages.map((p) => [p.page, p.unit, p.width, p.height])).toEqual([
      [1, 'inch', 11, 8.5],
      [2, 'inch', 11, 8.5],
      [3, 'inch', 11, 8.5],
    ]);
    const text = pages[0]!.lines.map((l) => l.text).join(' ');
    expect(text).toMatch(/Table of Contents/);
    for (const l of pages[0]!.lines)
      for (const v of l.box) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(11);
    const second = await readText(await load('csdf-printed_handwritten.pdf'), {
      readingOrder: 'basic',
      pages: [3],
    });
    expect(second.map((p) => p.page)).toEqual([3]);
  }, 180_000);

  it('gives quads along the text of a page turned right', async () => {
    const [page] = await readText(await load('tess-phototest-rotated-R.png'), {
      readingOrder: 'basic',
    });
    expect(page!.angle).toBeCloseTo(90, 0);
    expect(wordAccuracy(TESTOCR, page!.lines.map((l) => l.text).join(' '))).toBeGreaterThanOrEqual(
      0.9,
    );
    // Text runs downwards: the quad starts at the line's top-right in the image, then goes down.
    const [x1, y1, x2, y2, x3] = page!.lines[0]!.box;
    expect(Math.abs(x2 - x1)).toBeLessThan(3);
    expect(y2).toBeGreaterThan(y1 + 300);
    expect(x3).toBeLessThan(x2);
  }, 60_000);

  it('stops at an aborted signal', async () => {
    const img = await load('tjs-testocr.png');
    await expect(readText(img, { readingOrder: 'basic' }, AbortSignal.abort())).rejects.toThrow(
      /abort/i,
    );
  });
});
