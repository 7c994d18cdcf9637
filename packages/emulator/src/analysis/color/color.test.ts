import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadImage } from '../image/load-image.js';
import { testImage } from '../image/__tests__/test-images.js';
import { analyzeColor } from './analyze-color.js';
import { classifyImageType } from './classify-image-type.js';

const AZURE_NAMES = [
  'Black',
  'Blue',
  'Brown',
  'Grey',
  'Green',
  'Orange',
  'Pink',
  'Purple',
  'Red',
  'Teal',
  'White',
  'Yellow',
];
const colorOf = async (name: string) => analyzeColor(await loadImage(testImage(name)));
const typeOf = async (name: string) => classifyImageType(await loadImage(testImage(name)));

/** Hue in degrees and HSV saturation of a 6-hex-digit colour. */
function hueSat(hex: string): { hue: number; sat: number } {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h =
    d === 0 ? 0 : max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { hue: (h * 60 + 360) % 360, sat: max ? d / max : 0 };
}

describe('analyzeColor', () => {
  it('names a yellow square on a blue background: foreground, background, accent', async () => {
    const png = await sharp({
      create: { width: 200, height: 200, channels: 3, background: '#1e50dc' },
    })
      .composite([
        {
          input: { create: { width: 100, height: 100, channels: 3, background: '#fae11e' } },
          left: 50,
          top: 50,
        },
      ])
      .png()
      .toBuffer();
    const c = await analyzeColor(await loadImage(png));
    expect(c.dominantColorForeground).toBe('Yellow');
    expect(c.dominantColorBackground).toBe('Blue');
    expect(c.dominantColors).toEqual(['Blue', 'Yellow']);
    expect(c.accentColor).toMatch(/^[0-9A-F]{6}$/);
    expect(['1E50DC', 'FAE11E']).toContain(c.accentColor);
    expect(c.isBWImg).toBe(false);
  });

  it.each(['skimage-camera.png', 'csdf-celebrities.jpg', 'tjs-simple.bmp'])(
    '%s is black and white',
    async (name) => {
      const c = await colorOf(name);
      expect(c.isBWImg).toBe(true);
      expect(
        [...c.dominantColors, c.dominantColorForeground, c.dominantColorBackground].every((n) =>
          ['Black', 'Grey', 'White'].includes(n),
        ),
      ).toBe(true);
    },
  );

  it.each(['skimage-astronaut.png', 'csdf-dog.jpg', 'pysamples-house.jpg'])(
    '%s is in colour, with Azure colour names',
    async (name) => {
      const c = await colorOf(name);
      expect(c.isBWImg).toBe(false);
      expect(c.dominantColors.length).toBeGreaterThan(0);
      expect(c.dominantColors.length).toBeLessThanOrEqual(3);
      for (const n of [...c.dominantColors, c.dominantColorForeground, c.dominantColorBackground])
        expect(AZURE_NAMES).toContain(n);
    },
  );

  it("finds the astronaut's orange suit as accent", async () => {
    const c = await colorOf('skimage-astronaut.png');
    const { hue, sat } = hueSat(c.accentColor);
    expect(hue).toBeGreaterThanOrEqual(5);
    expect(hue).toBeLessThanOrEqual(45);
    expect(sat).toBeGreaterThan(0.5);
    expect(c.dominantColors).toContain('Orange');
  });

  it('sees the blue house and the green lawn', async () => {
    const c = await colorOf('pysamples-house.jpg');
    expect(c.dominantColors).toEqual(expect.arrayContaining(['Green', 'Blue']));
  });

  it('puts the cheese in the foreground and white paper behind it', async () => {
    const c = await colorOf('csdf-cheese_clipart.png');
    expect(c.dominantColorForeground).toBe('Yellow');
    expect(c.dominantColorBackground).toBe('White');
    expect(hueSat(c.accentColor).hue).toBeGreaterThan(35);
    expect(hueSat(c.accentColor).hue).toBeLessThan(65);
  });
});

describe('classifyImageType', () => {
  it('rates the cheese clip art as clip art, not a line drawing', async () => {
    const t = await typeOf('csdf-cheese_clipart.png');
    expect(t.clipArtType).toBeGreaterThanOrEqual(2);
    expect(t.lineDrawingType).toBe(0);
  });

  it('recognises the lion as a line drawing', async () => {
    const t = await typeOf('csdf-lion_drawing.png');
    expect(t.lineDrawingType).toBe(1);
    expect(t.clipArtType).toBeGreaterThanOrEqual(2);
  });

  it.each([
    'csdf-dog.jpg',
    'skimage-astronaut.png',
    'skimage-camera.png',
    'csdf-celebrities.jpg',
    'pysamples-house.jpg',
  ])('rates the photo %s as neither', async (name) => {
    expect(await typeOf(name)).toEqual({ clipArtType: 0, lineDrawingType: 0 });
  });

  it('does not call a page of text a line drawing', async () => {
    expect((await typeOf('tjs-testocr.png')).lineDrawingType).toBe(0);
  });
});
