import bmp from 'bmp-js';
import { ImageDecodeError } from '../types.js';
import { MAX_INPUT_PIXELS, MAX_RLE_BMP_PIXELS } from './limits.js';

/** Raw interleaved pixels. */
export interface RawPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 3;
}

// sharp (libvips) has no BMP loader, so BMP is decoded here. bmp-js 0.1.0 reads pixel data
// right after a 40-byte header and ignores the pixel-data offset, which shifts every image with
// a V4/V5 header (what Windows writes today); so uncompressed BMPs are decoded by this file and
// only RLE-compressed ones (which use the 40-byte header) go to bmp-js.

/** Channel value 0..255 from a bit-field mask. */
function maskReader(mask: number): (v: number) => number {
  if (!mask) return () => 0;
  let shift = 0;
  while (!((mask >>> shift) & 1)) shift++;
  const max = mask >>> shift;
  return (v) => Math.round((((v & mask) >>> shift) * 255) / max);
}

function uncompressed(
  b: Buffer,
  headerSize: number,
  w: number,
  h: number,
  topDown: boolean,
  bpp: number,
  compression: number,
  colorsUsed: number,
): Buffer {
  const offset = b.readUInt32LE(10);
  const rowSize = Math.ceil((bpp * w) / 32) * 4;
  if (offset + rowSize * h > b.length) throw new ImageDecodeError('BMP data is truncated');
  const out = Buffer.allocUnsafe(w * h * 3);
  const entry = headerSize === 12 ? 3 : 4;
  const paletteAt = 14 + headerSize;
  const bitfields = compression === 3 || compression === 6;
  const [rm, gm, bm] = bitfields
    ? [b.readUInt32LE(54), b.readUInt32LE(58), b.readUInt32LE(62)]
    : bpp === 16
      ? [0x7c00, 0x3e0, 0x1f]
      : [0xff0000, 0xff00, 0xff];
  const [red, green, blue] = [maskReader(rm), maskReader(gm), maskReader(bm)];
  for (let y = 0; y < h; y++) {
    const row = offset + (topDown ? y : h - 1 - y) * rowSize;
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      if (bpp <= 8) {
        const bit = x * bpp;
        const index = (b[row + (bit >> 3)]! >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        if (index >= (colorsUsed || 1 << bpp))
          throw new ImageDecodeError('BMP palette index out of range');
        const p = paletteAt + index * entry;
        [out[o], out[o + 1], out[o + 2]] = [b[p + 2]!, b[p + 1]!, b[p]!];
      } else if (bpp === 24) {
        const p = row + x * 3;
        [out[o], out[o + 1], out[o + 2]] = [b[p + 2]!, b[p + 1]!, b[p]!];
      } else {
        const v = bpp === 16 ? b.readUInt16LE(row + x * 2) : b.readUInt32LE(row + x * 4);
        [out[o], out[o + 1], out[o + 2]] = [red(v), green(v), blue(v)];
      }
    }
  }
  return out;
}

function runLengthEncoded(bytes: Buffer, w: number, h: number): Buffer {
  const abgr = bmp.decode(bytes).data;
  if (abgr.length < w * h * 4) throw new ImageDecodeError('BMP data is truncated');
  // bmp-js yields A,B,G,R per pixel.
  const rgb = Buffer.allocUnsafe(w * h * 3);
  for (let i = 0, o = 0; o < rgb.length; i += 4, o += 3)
    [rgb[o], rgb[o + 1], rgb[o + 2]] = [abgr[i + 3]!, abgr[i + 2]!, abgr[i + 1]!];
  return rgb;
}

/** What a BMP header declares, read without touching the pixel data. */
export interface BmpHeader {
  headerSize: number;
  width: number;
  height: number;
  topDown: boolean;
  bpp: number;
  compression: number;
  colorsUsed: number;
}

const runLength = (h: BmpHeader): boolean =>
  (h.compression === 1 || h.compression === 2) && h.headerSize === 40;

/** Reads the header; throws ImageDecodeError when it is not a BMP header this decoder knows. */
export function readBmpHeader(bytes: Buffer): BmpHeader {
  try {
    const headerSize = bytes.readUInt32LE(14);
    const core = headerSize === 12;
    if (!core && headerSize < 40)
      throw new ImageDecodeError(`BMP header size ${headerSize} is unknown`);
    const width = core ? bytes.readUInt16LE(18) : bytes.readInt32LE(18);
    const rawHeight = core ? bytes.readInt16LE(20) : bytes.readInt32LE(22);
    const height = Math.abs(rawHeight);
    if (width <= 0 || height <= 0)
      throw new ImageDecodeError(`BMP dimensions out of range (${width}x${height})`);
    return {
      headerSize,
      width,
      height,
      topDown: rawHeight < 0,
      bpp: bytes.readUInt16LE(core ? 24 : 28),
      compression: core ? 0 : bytes.readUInt32LE(30),
      colorsUsed: core ? 0 : bytes.readUInt32LE(46),
    };
  } catch (err) {
    if (err instanceof ImageDecodeError) throw err;
    throw new ImageDecodeError(`BMP header is corrupt: ${(err as Error).message}`);
  }
}

/**
 * Decodes a Windows or OS/2 bitmap to RGB. The caller checks the header's dimensions against
 * the operation first; this checks the absolute bounds before allocating.
 */
export function decodeBmp(bytes: Buffer, header = readBmpHeader(bytes)): RawPixels {
  const { headerSize, width, height, topDown, bpp, compression, colorsUsed } = header;
  const pixels = width * height;
  if (pixels > MAX_INPUT_PIXELS || (runLength(header) && pixels > MAX_RLE_BMP_PIXELS))
    throw new ImageDecodeError(`BMP dimensions out of range (${width}x${height})`);
  try {
    let data: Buffer;
    if (runLength(header)) data = runLengthEncoded(bytes, width, height);
    else if ([1, 4, 8, 16, 24, 32].includes(bpp) && [0, 3, 6].includes(compression)) {
      data = uncompressed(bytes, headerSize, width, height, topDown, bpp, compression, colorsUsed);
    } else
      throw new ImageDecodeError(
        `BMP variant not supported (bpp ${bpp}, compression ${compression})`,
      );
    return { data, width, height, channels: 3 };
  } catch (err) {
    if (err instanceof ImageDecodeError) throw err;
    throw new ImageDecodeError(`BMP data is corrupt: ${(err as Error).message}`);
  }
}
