// Scene cues on real photos and on synthetic rasters whose answer is known by construction.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { testImage } from '../image/__tests__/test-images.js';
import { sceneCues } from './scene-cues.js';

const cuesOf = async (input: Buffer) => {
  const { data, info } = await sharp(input)
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .resize(64, 64, { fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sceneCues({ data, width: info.width, height: info.height, channels: info.channels });
};

/** A 64x64 raster: rows above `split` filled by `top`, the rest by `bottom`, per pixel. */
function raster(
  split: number,
  top: (x: number, y: number) => number[],
  bottom: (x: number, y: number) => number[],
) {
  const data = new Uint8Array(64 * 64 * 3);
  for (let y = 0; y < 64; y++)
    for (let x = 0; x < 64; x++) data.set((y < split ? top : bottom)(x, y), (y * 64 + x) * 3);
  return { data, width: 64, height: 64, channels: 3 };
}
let seed = 7;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

describe('scene cues', () => {
  it('sees sky and lawn in the blue-sky house photo, neither in the dog or text images', async () => {
    const house = await cuesOf(testImage('pysamples-house.jpg'));
    expect(house.sky).toBeGreaterThan(0.3);
    expect(house.vegetation).toBeGreaterThan(0.15);
    for (const name of ['csdf-dog.jpg', 'tjs-testocr.png', 'csdf-ocr-image.png', 'rest-read.png']) {
      const c = await cuesOf(testImage(name));
      expect(c.sky, name).toBeLessThan(0.15);
      expect(c.vegetation, name).toBeLessThan(0.15);
    }
  });

  it('sees foliage above the ground behind the family and the blue house, none in the dog, the skateboarder or a page', async () => {
    expect((await cuesOf(testImage('csdf-faces.jpg'))).foliage).toBeGreaterThan(0.2);
    expect((await cuesOf(testImage('pysamples-house.jpg'))).foliage).toBeGreaterThan(0.15);
    for (const name of ['csdf-dog.jpg', 'csdf-objects.jpg', 'tjs-testocr.png', 'csdf-landmark.jpg'])
      expect((await cuesOf(testImage(name))).foliage, name).toBeLessThan(0.05);
  });

  it('takes a light blue gradient for sky but not a dark blue banner', () => {
    const sky = sceneCues(
      raster(
        32,
        (_x, y) => [120 + y, 170 + y, 235],
        () => [90, 90, 90],
      ),
    );
    expect(sky.sky).toBeGreaterThan(0.9);
    const banner = sceneCues(
      raster(
        32,
        () => [20, 60, 160],
        () => [90, 90, 90],
      ),
    );
    expect(banner.sky).toBe(0);
  });

  it('takes textured green patches for vegetation but not colour noise or teal', () => {
    const grass = sceneCues(
      raster(
        32,
        () => [200, 200, 200],
        () => {
          const v = random() * 60;
          return [60 + v, 110 + v, 30 + v / 2];
        },
      ),
    );
    expect(grass.vegetation).toBeGreaterThan(0.5);
    const noise = sceneCues(
      raster(
        0,
        () => [0, 0, 0],
        () => [0, 1, 2].map(() => 128 + (random() - 0.5) * 120),
      ),
    );
    expect(noise.vegetation).toBeLessThan(0.15);
    const teal = sceneCues(
      raster(
        32,
        () => [200, 200, 200],
        () => {
          const v = random() * 60;
          return [30 + v, 170 + v / 2, 150 + v / 2];
        },
      ),
    );
    expect(teal.vegetation).toBeLessThan(0.15);
  });

  it('measures brightness', () => {
    expect(
      sceneCues(
        raster(
          64,
          () => [0, 0, 0],
          () => [0, 0, 0],
        ),
      ).brightness,
    ).toBe(0);
    expect(
      sceneCues(
        raster(
          64,
          () => [255, 255, 255],
          () => [0, 0, 0],
        ),
      ).brightness,
    ).toBeCloseTo(1, 5);
  });
});
