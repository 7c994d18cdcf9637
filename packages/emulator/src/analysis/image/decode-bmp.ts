import bmp from 'bmp-js';
import { ImageDecodeError } from '../types.js';
import { MAX_INPUT_PIXELS } from './limits.js';

/** Raw interleaved pixels. */
export interface RawPixels { data: Buffer; width: number; height: number; channels: 3 }

// sharp (libvips) has no BMP loader, so BMP is decoded in JS. bmp-js trusts the header, so the
// dimensions are checked first: a 60-byte file may claim 100k x 100k pixels.
export function decodeBmp(bytes: Buffer): RawPixels {
  const width = bytes.readInt32LE(18);
  const height = Math.abs(bytes.readInt32LE(22));
  if (width <= 0 || height <= 0 || width * height > MAX_INPUT_PIXELS) {
    throw new ImageDecodeError(`BMP dimensions out of range (${width}x${height})`);
  }
  let abgr: Buffer;
  try {
    abgr = bmp.decode(bytes).data;
  } catch (err) {
    throw new ImageDecodeError(`BMP data is corrupt: ${(err as Error).message}`);
  }
  if (abgr.length < width * height * 4) throw new ImageDecodeError('BMP data is truncated');
  // bmp-js yields A,B,G,R per pixel; A is 0 for formats without alpha, so it is dropped.
  const rgb = Buffer.allocUnsafe(width * height * 3);
  for (let i = 0, o = 0; o < rgb.length; i += 4, o += 3) {
    rgb[o] = abgr[i + 3]!;
    rgb[o + 1] = abgr[i + 2]!;
    rgb[o + 2] = abgr[i + 1]!;
  }
  return { data: rgb, width, height, channels: 3 };
}
