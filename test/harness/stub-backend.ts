// A fast, deterministic analysis backend for wiring tests (fault storms, cancellation), where
// what is under test is the path between gateway and upstream, not the analysis. Every answer
// is still computed from the image: its size and its mean colour, as sharp measures them.
import { ImageDecodeError, type LoadedImage, type VisionBackend } from '@visiongraph/emulator';
import sharp from 'sharp';

const FORMATS: Record<string, LoadedImage['format']> = {
  jpeg: 'Jpeg',
  png: 'Png',
  gif: 'Gif',
  webp: 'Webp',
  tiff: 'Tiff',
  pdf: 'Pdf',
};

const hex = (v: number) => Math.round(v).toString(16).padStart(2, '0').toUpperCase();

async function meanColour(bytes: Buffer): Promise<string> {
  const { channels } = await sharp(bytes).stats();
  const [r, g, b] = [channels[0], channels[1] ?? channels[0], channels[2] ?? channels[0]];
  return `${hex(r?.mean ?? 0)}${hex(g?.mean ?? 0)}${hex(b?.mean ?? 0)}`;
}

export function createStubBackend(): VisionBackend {
  return {
    async load(bytes) {
      try {
        const meta = await sharp(bytes).metadata();
        if (!meta.width || !meta.height) throw new Error('no dimensions');
        return {
          bytes,
          format: FORMATS[meta.format ?? ''] ?? 'Png',
          width: meta.width,
          height: meta.height,
          pages: meta.pages ?? 1,
        };
      } catch (error) {
        throw new ImageDecodeError(`not an image: ${(error as Error).message}`);
      }
    },
    async analyze(img, req) {
      const colour = await meanColour(img.bytes);
      const shape = img.width === img.height ? 'square' : img.width > img.height ? 'wide' : 'tall';
      return {
        ...(req.color && {
          color: {
            dominantColorForeground: colour,
            dominantColorBackground: colour,
            dominantColors: [colour],
            accentColor: colour,
            isBWImg: false,
          },
        }),
        ...(req.tags && { tags: [{ name: shape, confidence: 0.9 }] }),
        ...(req.description && {
          description: {
            tags: [shape],
            captions: [{ text: `a ${shape} image of colour ${colour}`, confidence: 0.5 }],
          },
        }),
        ...(req.faces && { faces: [] }),
        ...(req.objects && { objects: [] }),
      };
    },
    async thumbnail(img, width, height) {
      const data = await sharp(img.bytes).resize(width, height).jpeg().toBuffer();
      return { data, contentType: 'image/jpeg' };
    },
    async areaOfInterest(img) {
      return { x: 0, y: 0, w: img.width, h: img.height };
    },
    async ocr() {
      return { language: 'en', textAngle: 0, orientation: 'Up', regions: [] };
    },
    async read(img) {
      const text = `colour ${await meanColour(img.bytes)}`;
      const box: [number, number, number, number, number, number, number, number] = [
        0,
        0,
        img.width,
        0,
        img.width,
        img.height,
        0,
        img.height,
      ];
      return [
        {
          page: 1,
          angle: 0,
          width: img.width,
          height: img.height,
          unit: 'pixel',
          lines: [
            {
              text,
              box,
              words: [{ text, box, confidence: 0.9 }],
              style: 'other',
              styleConfidence: 0.9,
            },
          ],
        },
      ];
    },
    async close() {},
  };
}
