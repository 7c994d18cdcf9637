import sharp, { type Sharp } from 'sharp';
import { ImageDecodeError, type LoadedImage } from '../types.js';
import { decodedPixels } from './decoded-pixels.js';
import { pageSize } from './page-size.js';
import { renderPdfPageOffThread as renderPdfPage } from './off-thread.js';
import { sharpInput } from './sharp-input.js';

/** Decoded pixels of one page, interleaved, top-left first. */
export interface Raster {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
  /** Raster pixels per original pixel (PDF: per point at 72 dpi). */
  scale: number;
}

export interface RasterOptions {
  /**
   * Longest side of the raster. Images are only shrunk; PDF pages are rendered at the matching
   * resolution (so they may come out larger than 72 dpi).
   * @default undefined (original size; PDF at 72 dpi)
   */
  maxSide?: number;
  /** 1-based page of a PDF or multi-page TIFF. @default 1 */
  page?: number;
  /** 3 = RGB, 1 = luminance. @default 3 */
  channels?: 3 | 1;
  /**
   * Keep the raster for later calls on the same image. Turn it off for rasters used once, such
   * as the pages of a long PDF read one after the other.
   * @default true
   */
  cache?: boolean;
}

// Several features of one request ask for the same raster: decode once per image and options.
const cache = new WeakMap<LoadedImage, Map<string, Promise<Raster>>>();

const fromRaw = (px: { data: Buffer; width: number; height: number }): Sharp =>
  sharp(px.data, { raw: { width: px.width, height: px.height, channels: 3 } });

function checkPage(img: LoadedImage, page: number): void {
  if (!Number.isInteger(page) || page < 1 || page > img.pages) {
    throw new RangeError(`page ${page} is outside 1..${img.pages}`);
  }
}

/** A sharp pipeline over the image in any supported format (BMP and PDF pages rasterised first). */
export async function toSharp(img: LoadedImage, page = 1): Promise<Sharp> {
  checkPage(img, page);
  if (img.format === 'Pdf') return fromRaw(await renderPdfPage(img.bytes, page, 1));
  const px = decodedPixels(img);
  if (px) return fromRaw(px);
  return sharpInput(img.bytes, page);
}

async function pdfPipeline(
  img: LoadedImage,
  page: number,
  maxSide: number | undefined,
): Promise<Sharp> {
  const size = await pageSize(img, page);
  const scale = maxSide ? maxSide / Math.max(size.width, size.height) : 1;
  return fromRaw(await renderPdfPage(img.bytes, page, scale));
}

async function decode(
  img: LoadedImage,
  page: number,
  maxSide: number | undefined,
  channels: 3 | 1,
): Promise<Raster> {
  let pipeline =
    img.format === 'Pdf' ? await pdfPipeline(img, page, maxSide) : await toSharp(img, page);
  pipeline = pipeline.flatten({ background: '#ffffff' });
  if (maxSide && img.format !== 'Pdf') {
    pipeline = pipeline.resize({
      width: maxSide,
      height: maxSide,
      fit: 'inside',
      withoutEnlargement: true,
    });
  }
  pipeline = channels === 1 ? pipeline.greyscale() : pipeline.toColourspace('srgb');
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const original = await pageSize(img, page);
  return {
    data,
    width: info.width,
    height: info.height,
    channels: info.channels,
    scale: info.width / original.width,
  };
}

/**
 * Decoded RGB (or grey) pixels of a page, alpha flattened on white, cached per image and options.
 * @throws ImageDecodeError when the pixel data turns out to be corrupt.
 */
export function toRaster(img: LoadedImage, opts: RasterOptions = {}): Promise<Raster> {
  const { maxSide, page = 1, channels = 3 } = opts;
  try {
    checkPage(img, page);
  } catch (err) {
    return Promise.reject(err);
  }
  const fresh = (): Promise<Raster> =>
    decode(img, page, maxSide, channels).catch((err: unknown) => {
      if (err instanceof ImageDecodeError || err instanceof RangeError) throw err;
      throw new ImageDecodeError(`image data is corrupt: ${(err as Error).message}`);
    });
  if (opts.cache === false) return fresh();
  const key = `${page}|${maxSide ?? 0}|${channels}`;
  let perImage = cache.get(img);
  if (!perImage) cache.set(img, (perImage = new Map()));
  let raster = perImage.get(key);
  if (!raster) {
    raster = fresh();
    raster.catch(() => perImage.delete(key));
    perImage.set(key, raster);
  }
  return raster;
}
