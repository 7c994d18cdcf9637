import { ImageDecodeError, type ImageFormat, type LoadedImage } from '../types.js';
import { decodeBmp } from './decode-bmp.js';
import { rememberPixels } from './decoded-pixels.js';
import { inspectPdf } from './pdf-document.js';
import { toRaster } from './raster.js';
import { sharpInput } from './sharp-input.js';
import { sniffFormat } from './sniff-format.js';

/** Side of the raster decoded at load time; colour, image type and saliency reuse it. */
export const PREVIEW_SIDE = 256;

const make = (
  bytes: Buffer,
  format: ImageFormat,
  width: number,
  height: number,
  pages: number,
): LoadedImage => Object.freeze({ bytes, format, width, height, pages });

async function loadWithSharp(bytes: Buffer, format: ImageFormat): Promise<LoadedImage> {
  let meta: import('sharp').Metadata;
  try {
    meta = await sharpInput(bytes).metadata();
  } catch (err) {
    throw new ImageDecodeError(`${format} data cannot be read: ${(err as Error).message}`);
  }
  const { autoOrient, pages = 1 } = meta;
  if (!autoOrient?.width || !autoOrient.height)
    throw new ImageDecodeError(`${format} has no dimensions`);
  // GIF and WEBP frames are animation, not pages: only TIFF pages count as pages.
  const img = make(
    bytes,
    format,
    autoOrient.width,
    autoOrient.height,
    format === 'Tiff' ? pages : 1,
  );
  // metadata() reads only the header: decode every pixel once so corrupt or truncated data is
  // rejected here, and keep the small raster for the cheap features.
  await toRaster(img, { maxSide: PREVIEW_SIDE });
  return img;
}

/**
 * Sniffs the format from the magic bytes and decodes the image (page 1 of a PDF, at 72 dpi).
 * @throws ImageDecodeError for anything that is not a readable JPEG, PNG, GIF, BMP, TIFF, WEBP or PDF.
 */
export async function loadImage(bytes: Buffer): Promise<LoadedImage> {
  const format = sniffFormat(bytes);
  if (!format) throw new ImageDecodeError('Input data is not a valid image');
  if (format === 'Bmp') {
    const px = decodeBmp(bytes);
    const img = make(bytes, format, px.width, px.height, 1);
    rememberPixels(img, px);
    return img;
  }
  if (format === 'Pdf') {
    const { pages, first } = await inspectPdf(bytes);
    return make(bytes, format, Math.round(first.width), Math.round(first.height), pages);
  }
  try {
    return await loadWithSharp(bytes, format);
  } catch (err) {
    if (err instanceof ImageDecodeError) throw err;
    throw new ImageDecodeError(`${format} data is corrupt: ${(err as Error).message}`);
  }
}
