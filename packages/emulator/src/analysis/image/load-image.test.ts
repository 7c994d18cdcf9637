import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageDecodeError } from '../types.js';
import { testImage } from './__tests__/test-images.js';
import { loadImage } from './load-image.js';
import { toRaster, toSharp } from './raster.js';

const image = testImage;

describe('loadImage', () => {
  it.each([
    ['tjs-simple.bmp', 'Bmp', 320, 180, 1],
    ['tjs-simple.gif', 'Gif', 320, 180, 1],
    ['tess-eurotext.tif', 'Tiff', 1024, 800, 1],
    ['skimage-astronaut.png', 'Png', 512, 512, 1],
    ['csdf-dog.jpg', 'Jpeg', undefined, undefined, 1],
    ['csdf-printed_handwritten.pdf', 'Pdf', 792, 612, 3],
  ] as const)('decodes %s as %s', async (name, format, width, height, pages) => {
    const img = await loadImage(image(name));
    expect(img.format).toBe(format);
    expect(img.pages).toBe(pages);
    const meta =
      format === 'Bmp' || format === 'Pdf' ? undefined : await sharp(image(name)).metadata();
    expect(img.width).toBe(width ?? meta?.width);
    expect(img.height).toBe(height ?? meta?.height);
  });

  it('decodes a BMP off the event loop: this thread keeps turning while it decodes', async () => {
    // A 3000 x 3000 24-bit BMP (27 MB of pixels): seconds of JS loops if run on this thread.
    const width = 3_000;
    const height = 3_000;
    const header = Buffer.alloc(54);
    header.write('BM', 0, 'latin1');
    header.writeUInt32LE(54 + width * height * 3, 2);
    header.writeUInt32LE(54, 10);
    header.writeUInt32LE(40, 14);
    header.writeInt32LE(width, 18);
    header.writeInt32LE(height, 22);
    header.writeUInt16LE(1, 26);
    header.writeUInt16LE(24, 28);
    const bmp = Buffer.concat([header, Buffer.alloc(width * height * 3, 0x80)]);
    let turns = 0;
    let spinning = true;
    const spin = (): void => {
      turns += 1;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    const img = await loadImage(bmp);
    spinning = false;
    expect([img.format, img.width, img.height]).toEqual(['Bmp', width, height]);
    // A synchronous decode would let the loop turn at most once or twice.
    expect(turns).toBeGreaterThan(10);
  });

  it('decodes WEBP', async () => {
    const webp = await sharp(image('csdf-dog.jpg')).webp().toBuffer();
    const img = await loadImage(webp);
    expect(img.format).toBe('Webp');
  });

  it('applies EXIF orientation: sizes and pixels are upright', async () => {
    // 300 x 200, left half red, stored with "rotate 90 clockwise to display" (orientation 6).
    const stored = await sharp({
      create: { width: 300, height: 200, channels: 3, background: '#0000ff' },
    })
      .composite([
        {
          input: { create: { width: 150, height: 200, channels: 3, background: '#ff0000' } },
          left: 0,
          top: 0,
        },
      ])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const img = await loadImage(stored);
    expect([img.width, img.height]).toEqual([200, 300]);
    const r = await toRaster(img);
    expect([r.width, r.height]).toEqual([200, 300]);
    // Turned clockwise, the red left half becomes the top half.
    expect(r.data[(10 * 200 + 100) * 3]).toBeGreaterThan(200);
    expect(r.data[(290 * 200 + 100) * 3]).toBeLessThan(60);
  });

  it('reads BMP pixels in the right channel order', async () => {
    const bmp = await toRaster(await loadImage(image('tjs-simple.bmp')));
    const gif = await toRaster(await loadImage(image('tjs-simple.gif')));
    expect(bmp.width * bmp.height * 3).toBe(bmp.data.length);
    // Same picture in two formats (a V5-header BMP): pixel for pixel nearly equal.
    let diff = 0;
    for (let i = 0; i < bmp.data.length; i++) diff += Math.abs(bmp.data[i]! - gif.data[i]!);
    expect(diff / bmp.data.length).toBeLessThan(2);
  });

  it('reads a top-down 8-bit palette BMP', async () => {
    // 3 x 2 pixels, palette [red, green, blue, white], rows padded to 4 bytes.
    const header = Buffer.alloc(54 + 16);
    header.write('BM', 0);
    header.writeUInt32LE(54 + 16 + 8, 2);
    header.writeUInt32LE(54 + 16, 10);
    header.writeUInt32LE(40, 14);
    header.writeInt32LE(3, 18);
    header.writeInt32LE(-2, 22);
    header.writeUInt16LE(1, 26);
    header.writeUInt16LE(8, 28);
    header.writeUInt32LE(4, 46);
    Buffer.from([0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0]).copy(header, 54);
    const bytes = Buffer.concat([header, Buffer.from([0, 1, 2, 0, 3, 3, 3, 0])]);
    const r = await toRaster(await loadImage(bytes));
    expect([...r.data]).toEqual([
      255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    ]);
  });

  it.each([
    ['garbage', Buffer.from('this is not an image at all, just text')],
    ['empty', Buffer.alloc(0)],
    ['truncated PNG', image('skimage-astronaut.png').subarray(0, 40_000)],
    ['truncated JPEG', image('csdf-dog.jpg').subarray(0, 20_000)],
    ['truncated BMP', image('tjs-simple.bmp').subarray(0, 5_000)],
    ['PDF header only', Buffer.from('%PDF-1.7\n%garbage\n')],
    ['JPEG magic only', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
  ])('rejects %s with ImageDecodeError', async (_name, bytes) => {
    await expect(loadImage(bytes)).rejects.toBeInstanceOf(ImageDecodeError);
  });

  it('rejects a decompression bomb (a tiny PNG claiming 20000 x 20000 pixels)', async () => {
    const bomb = Buffer.from(image('skimage-camera.png'));
    // Rewrite the IHDR size (bytes 16..23) and its CRC.
    bomb.writeUInt32BE(20_000, 16);
    bomb.writeUInt32BE(20_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    await expect(loadImage(bomb)).rejects.toBeInstanceOf(ImageDecodeError);
  });

  it('rejects a BMP header claiming a huge size', async () => {
    const bmp = Buffer.from(image('tjs-simple.bmp').subarray(0, 200));
    bmp.writeInt32LE(100_000, 18);
    bmp.writeInt32LE(100_000, 22);
    await expect(loadImage(bmp)).rejects.toBeInstanceOf(ImageDecodeError);
  });
});

describe('toRaster / toSharp', () => {
  it('downscales to maxSide and reports the scale', async () => {
    const img = await loadImage(image('skimage-astronaut.png'));
    const r = await toRaster(img, { maxSide: 128 });
    expect([r.width, r.height, r.channels, r.scale]).toEqual([128, 128, 3, 0.25]);
    expect(await toRaster(img, { maxSide: 128 })).toBe(r);
    expect(await toRaster(img, { maxSide: 128, cache: false })).not.toBe(r);
  });

  it('turns greyscale into RGB and RGB into luminance on request', async () => {
    const img = await loadImage(image('skimage-camera.png'));
    expect((await toRaster(img)).channels).toBe(3);
    const color = await loadImage(image('skimage-astronaut.png'));
    const grey = await toRaster(color, { channels: 1 });
    expect(grey.data.length).toBe(512 * 512);
  });

  it('flattens transparency on white', async () => {
    const png = await sharp({
      create: { width: 60, height: 60, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const r = await toRaster(await loadImage(png));
    expect(r.data.reduce((m, v) => Math.min(m, v), 255)).toBe(255);
  });

  it('renders PDF pages at the requested resolution', async () => {
    const img = await loadImage(image('csdf-printed_handwritten.pdf'));
    const r = await toRaster(img, { maxSide: 1584, page: 2 });
    expect([r.width, r.height]).toEqual([1584, 1224]);
    expect(r.scale).toBeCloseTo(2, 3);
    // A page with text has dark pixels.
    expect(r.data.reduce((m, v) => Math.min(m, v), 255)).toBeLessThan(100);
    await expect(toRaster(img, { page: 4 })).rejects.toBeInstanceOf(RangeError);
  });

  it('gives a sharp pipeline for BMP and PDF input', async () => {
    for (const name of ['tjs-simple.bmp', 'csdf-printed_handwritten.pdf']) {
      const img = await loadImage(image(name));
      const meta = await (await toSharp(img))
        .png()
        .toBuffer()
        .then((b) => sharp(b).metadata());
      expect([meta.width, meta.height]).toEqual([img.width, img.height]);
    }
  });
});
