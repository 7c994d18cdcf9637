import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { testImage } from '../image/__tests__/test-images.js';
import { loadImage } from '../image/load-image.js';
import type { Rect } from '../types.js';
import { areaOfInterest, smartThumbnail, thumbnailWindow } from './index.js';

// Eileen Collins' face in skimage-astronaut.png (512 x 512), measured on the image.
const ASTRONAUT_FACE: Rect = { x: 175, y: 75, w: 95, h: 110 };

async function raw(data: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data: px, info } = await sharp(data)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: px, width: info.width, height: info.height };
}

/** Mean absolute difference of the best placement of `tpl` inside `img` (both RGB). */
function bestMatch(
  img: { data: Buffer; width: number; height: number },
  tpl: { data: Buffer; width: number; height: number },
): number {
  let best = Infinity;
  for (let oy = 0; oy + tpl.height <= img.height; oy++) {
    for (let ox = 0; ox + tpl.width <= img.width; ox++) {
      let sum = 0;
      for (let y = 0; y < tpl.height; y += 2) {
        for (let x = 0; x < tpl.width; x += 2) {
          const a = ((oy + y) * img.width + ox + x) * 3;
          const b = (y * tpl.width + x) * 3;
          sum +=
            Math.abs(img.data[a]! - tpl.data[b]!) +
            Math.abs(img.data[a + 1]! - tpl.data[b + 1]!) +
            Math.abs(img.data[a + 2]! - tpl.data[b + 2]!);
        }
      }
      best = Math.min(best, sum / (3 * Math.ceil(tpl.height / 2) * Math.ceil(tpl.width / 2)));
    }
  }
  return best;
}

describe('smartThumbnail', () => {
  it.each([
    [50, 50, true],
    [128, 128, false],
    [300, 100, true],
    [100, 300, false],
    [1024, 20, true],
    [1, 1, true],
  ])('is exactly %i x %i (smart %s)', async (width, height, smart) => {
    const img = await loadImage(testImage('csdf-dog.jpg'));
    const t = await smartThumbnail(img, width, height, smart, []);
    const meta = await sharp(t.data).metadata();
    expect([meta.width, meta.height, meta.format, t.contentType]).toEqual([
      width,
      height,
      'jpeg',
      'image/jpeg',
    ]);
  });

  it.each([['skimage-astronaut.png'], ['tjs-simple.bmp'], ['tjs-simple.gif']])(
    'answers %s with a PNG',
    async (name) => {
      const t = await smartThumbnail(await loadImage(testImage(name)), 64, 48, true, []);
      expect(t.contentType).toBe('image/png');
      const meta = await sharp(t.data).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 64, 48]);
    },
  );

  it('without smart cropping scales and centre-crops to fill', async () => {
    const bytes = testImage('csdf-dog.jpg');
    const t = await smartThumbnail(await loadImage(bytes), 90, 120, false, []);
    const expected = await sharp(bytes)
      .resize(90, 120, { fit: 'cover', position: 'centre' })
      .jpeg()
      .toBuffer();
    const [a, b] = [await raw(t.data), await raw(expected)];
    let diff = 0;
    for (let i = 0; i < a.data.length; i++) diff += Math.abs(a.data[i]! - b.data[i]!);
    expect(diff / a.data.length).toBeLessThan(6);
  });

  it('keeps the astronaut face in a narrow smart thumbnail', async () => {
    const bytes = testImage('skimage-astronaut.png');
    const img = await loadImage(bytes);
    const win = await thumbnailWindow(img, 100, 400, true, [ASTRONAUT_FACE]);
    expect(win.x).toBeLessThanOrEqual(ASTRONAUT_FACE.x);
    expect(win.x + win.w).toBeGreaterThanOrEqual(ASTRONAUT_FACE.x + ASTRONAUT_FACE.w);
    // The pixels: the face, scaled like the thumbnail (128 px window -> 100 px), is found in it.
    const t = await smartThumbnail(img, 100, 400, true, [ASTRONAUT_FACE]);
    const face = await sharp(bytes)
      .extract({
        left: ASTRONAUT_FACE.x,
        top: ASTRONAUT_FACE.y,
        width: ASTRONAUT_FACE.w,
        height: ASTRONAUT_FACE.h,
      })
      .resize(
        Math.round((ASTRONAUT_FACE.w * 100) / 128),
        Math.round((ASTRONAUT_FACE.h * 100) / 128),
      )
      .png()
      .toBuffer();
    expect(bestMatch(await raw(t.data), await raw(face))).toBeLessThan(8);
    // The centred crop of the same size cuts the face, so the face is not found there.
    const centred = await smartThumbnail(img, 100, 400, false, []);
    expect(bestMatch(await raw(centred.data), await raw(face))).toBeGreaterThan(15);
  });

  it('still gives the exact size when the faces cannot fit together', async () => {
    const img = await loadImage(testImage('skimage-astronaut.png'));
    const faces = [
      { x: 10, y: 10, w: 60, h: 60 },
      { x: 440, y: 420, w: 60, h: 60 },
    ];
    const win = await thumbnailWindow(img, 50, 200, true, faces);
    expect(win.w).toBe(128);
    expect(win.x).toBeGreaterThanOrEqual(0);
    expect(win.x + win.w).toBeLessThanOrEqual(512);
  });
});

describe('areaOfInterest', () => {
  it('frames the cheese and leaves out most of the white paper', async () => {
    const bytes = testImage('csdf-cheese_clipart.png');
    const img = await loadImage(bytes);
    const aoi = await areaOfInterest(img, []);
    const { data, width, height } = await raw(bytes);
    let inside = 0;
    let total = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const o = (y * width + x) * 3;
        if (data[o]! + data[o + 1]! + data[o + 2]! > 720) continue; // white paper
        total++;
        if (x >= aoi.x && x < aoi.x + aoi.w && y >= aoi.y && y < aoi.y + aoi.h) inside++;
      }
    }
    expect(inside / total).toBeGreaterThan(0.75);
    expect(aoi.w * aoi.h).toBeLessThan(0.7 * width * height);
  });

  it('always contains the given faces and stays inside the image', async () => {
    const img = await loadImage(testImage('skimage-astronaut.png'));
    const face = { x: 400, y: 5, w: 100, h: 100 };
    const aoi = await areaOfInterest(img, [face]);
    expect(aoi.x).toBeGreaterThanOrEqual(0);
    expect(aoi.y).toBeGreaterThanOrEqual(0);
    expect(aoi.x + aoi.w).toBeLessThanOrEqual(512);
    expect(aoi.y + aoi.h).toBeLessThanOrEqual(512);
    expect(aoi.x).toBeLessThanOrEqual(face.x);
    expect(aoi.y).toBeLessThanOrEqual(face.y);
    expect(aoi.x + aoi.w).toBeGreaterThanOrEqual(face.x + face.w);
  });
});
