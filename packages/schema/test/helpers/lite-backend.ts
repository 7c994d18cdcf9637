// A stand-in analysis backend for the emulator while its real one is being assembled. The HTTP
// layer stays the emulator's own (routes, parameters, errors, read polling); only the pixels are
// not looked at: results are derived from the image header and a hash of the bytes.
import { createHash } from 'node:crypto';
import { ImageDecodeError, type LoadedImage, type VisionBackend } from '@visiongraph/emulator';

function size(bytes: Buffer): { format: LoadedImage['format']; width: number; height: number } {
  if (bytes.subarray(1, 4).toString() === 'PNG') return { format: 'Png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.subarray(0, 3).toString() === 'GIF') return { format: 'Gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let i = 2; i + 9 < bytes.length; ) {
      const marker = bytes[i + 1] as number;
      if (marker >= 0xc0 && marker <= 0xc3) return { format: 'Jpeg', height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
      i += 2 + bytes.readUInt16BE(i + 2);
    }
  }
  throw new ImageDecodeError('not an image');
}

const seed = (img: LoadedImage) => createHash('sha256').update(img.bytes).digest()[0] as number;

export function createLiteBackend(): VisionBackend {
  return {
    async load(bytes) {
      return { bytes, pages: 1, ...size(bytes) };
    },
    async analyze(img, req) {
      const s = seed(img);
      const box = { x: 1, y: 2, w: Math.floor(img.width / 2), h: Math.floor(img.height / 2) };
      return {
        ...(req.tags && { tags: [{ name: 'outdoor', confidence: 0.9 }, { name: `tag${s}`, confidence: 0.4 }] }),
        ...(req.description && { description: { tags: ['outdoor'], captions: [{ text: `an image ${img.width} wide`, confidence: 0.8 }] } }),
        ...(req.faces && { faces: [{ rect: box, age: 30, gender: 'Female' as const, confidence: 0.9 }] }),
        ...(req.objects && { objects: [{ rect: box, name: 'thing', confidence: 0.7, parent: { name: 'object', confidence: 0.7 } }] }),
        ...(req.color && { color: { dominantColorForeground: 'Grey', dominantColorBackground: 'White', dominantColors: ['Grey'], accentColor: '336699', isBWImg: false } }),
        ...(req.imageType && { imageType: { clipArtType: img.format === 'Png' ? 3 : 0, lineDrawingType: 0 } as const }),
        ...(req.adult && { adult: { isAdultContent: false, isRacyContent: false, isGoryContent: false, adultScore: 0.01, racyScore: 0.02, goreScore: 0 } }),
        ...(req.brands && { brands: [] }),
        ...(req.categories && {
          categories: [{
            name: 'outdoor_', score: 0.6,
            ...(req.landmarks && { landmarks: [{ name: 'Colosseum', confidence: 0.9 }] }),
            ...(req.celebrities && { celebrities: [{ name: 'Someone', confidence: 0.8, rect: box }] }),
          }],
        }),
      };
    },
    async thumbnail(img) {
      return { data: img.bytes.subarray(0, 64), contentType: 'image/jpeg' };
    },
    async areaOfInterest(img) {
      return { x: 0, y: 0, w: img.width, h: img.height };
    },
    async ocr(img, params) {
      const word = (text: string, x: number) => ({ text, rect: { x, y: 10, w: 40, h: 12 } });
      const line = { rect: { x: 10, y: 10, w: 90, h: 12 }, words: [word('hello', 10), word('world', 60)] };
      return { language: params.language === 'unk' ? 'en' : params.language, textAngle: 0, orientation: 'Up' as const, regions: [{ rect: line.rect, lines: [line] }] };
    },
    async read(img) {
      const quad = [10, 10, 100, 10, 100, 22, 10, 22] as [number, number, number, number, number, number, number, number];
      return [{
        page: 1, angle: 0, width: img.width, height: img.height, unit: 'pixel' as const,
        lines: [{ text: 'hello world', box: quad, words: [{ text: 'hello', box: quad, confidence: 0.99 }, { text: 'world', box: quad, confidence: 0.98 }], style: 'other' as const, styleConfidence: 0.9 }],
      }];
    },
    async close() {},
  };
}
