import sharp, { type Metadata, type Sharp } from 'sharp';
import { MAX_INPUT_PIXELS } from './limits.js';

/**
 * The header of encoded bytes (size, pages, orientation) without decoding pixels. No pixel limit
 * here: an oversized header must be measured to be refused with the operation's own error.
 */
export function sharpHeader(bytes: Buffer): Promise<Metadata> {
  return sharp(bytes, { limitInputPixels: false, autoOrient: true }).metadata();
}

/**
 * A sharp pipeline over encoded bytes of a format libvips reads itself, with the safety settings
 * every decode must use: a pixel limit against decompression bombs, failure on corrupt or
 * truncated data (instead of grey filler), and EXIF auto-orientation so every feature works in
 * the same upright coordinates that `width`/`height` report.
 */
export function sharpInput(bytes: Buffer, page = 1): Sharp {
  return sharp(bytes, {
    limitInputPixels: MAX_INPUT_PIXELS,
    failOn: 'error',
    autoOrient: true,
    page: page - 1,
  });
}
