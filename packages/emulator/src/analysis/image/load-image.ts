import { ImageDecodeError, type ImageFormat, ImageLimitError, type LoadedImage } from '../types.js';
import { readBmpHeader } from './decode-bmp.js';
import type { LoadLimits } from './limits.js';
import { rememberPixels } from './decoded-pixels.js';
import { decodeBmpOffThread, inspectPdfOffThread } from './off-thread.js';
import { toRaster } from './raster.js';
import { sharpHeader } from './sharp-input.js';
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

/** Throws ImageLimitError when what the header declares is over the operation's limits. */
function checkDeclared(limits: LoadLimits, width: number, height: number, pages: number): void {
  const { maxSide, maxPages } = limits;
  if (maxPages !== undefined && pages > maxPages)
    throw new ImageLimitError({ kind: 'pages', pages, maxPages });
  if (maxSide !== undefined && (width > maxSide || height > maxSide))
    throw new ImageLimitError({ kind: 'dimensions', width, height });
}

async function loadWithSharp(
  bytes: Buffer,
  format: ImageFormat,
  limits: LoadLimits,
): Promise<LoadedImage> {
  let meta: import('sharp').Metadata;
  try {
    meta = await sharpHeader(bytes);
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
  // metadata() read the header only: refuse before a single pixel is decoded.
  checkDeclared(limits, img.width, img.height, img.pages);
  // metadata() reads only the header: decode every pixel once so corrupt or truncated data is
  // rejected here, and keep the small raster for the cheap features.
  await toRaster(img, { maxSide: PREVIEW_SIDE });
  return img;
}

/**
 * Sniffs the format from the magic bytes and decodes the image (page 1 of a PDF, at 72 dpi).
 * Dimensions and page counts are read from the headers and checked against `limits` first.
 * @throws ImageDecodeError for anything that is not a readable JPEG, PNG, GIF, BMP, TIFF, WEBP or PDF.
 * @throws ImageLimitError when the header or page count is over `limits` (nothing was decoded).
 */
export async function loadImage(bytes: Buffer, limits: LoadLimits = {}): Promise<LoadedImage> {
  const format = sniffFormat(bytes);
  if (!format) throw new ImageDecodeError('Input data is not a valid image');
  if (format === 'Bmp') {
    const header = readBmpHeader(bytes);
    checkDeclared(limits, header.width, header.height, 1);
    const px = await decodeBmpOffThread(bytes, header);
    const img = make(bytes, format, px.width, px.height, 1);
    rememberPixels(img, px);
    return img;
  }
  if (format === 'Pdf') {
    const { pages, first } = await inspectPdfOffThread(bytes, limits.maxPages);
    return make(bytes, format, Math.round(first.width), Math.round(first.height), pages);
  }
  try {
    return await loadWithSharp(bytes, format, limits);
  } catch (err) {
    if (err instanceof ImageDecodeError || err instanceof ImageLimitError) throw err;
    throw new ImageDecodeError(`${format} data is corrupt: ${(err as Error).message}`);
  }
}
