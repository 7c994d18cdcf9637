import sharp from 'sharp';
import { toRaster } from '../image/raster.js';
import type { LoadedImage } from '../types.js';
import { UprightFrame, type Rotation } from './geometry.js';
import type { TesseractPool } from './worker-pool.js';

/** A page ready for OCR: grey, possibly turned so its text is upright, with the way back. */
export interface UprightPage {
  /** Grey pixels, one byte each, and the same as PNG for tesseract. */
  grey: Buffer;
  png: Buffer;
  width: number;
  height: number;
  frame: UprightFrame;
}

/** OSD answers below this confidence are treated as "no turn": short or sparse text misleads it. */
export const MIN_OSD_CONFIDENCE = 2;

// The density is only there to stop tesseract warning about (and guessing) a missing resolution.
export const encodeGrey = (grey: Buffer, width: number, height: number): Promise<Buffer> =>
  sharp(grey, { raw: { width, height, channels: 1 } })
    .withMetadata({ density: 300 })
    .png({ compressionLevel: 1 })
    .toBuffer();

/** Decodes a page as grey, longest side at most `maxSide`, not turned. */
export async function decodePage(
  img: LoadedImage,
  page: number,
  maxSide: number,
): Promise<UprightPage> {
  // Not cached: each page is read once, and a long PDF's pages would pile up.
  const r = await toRaster(img, { page, maxSide, channels: 1, cache: false });
  const png = await encodeGrey(r.data, r.width, r.height);
  return {
    grey: r.data,
    png,
    width: r.width,
    height: r.height,
    frame: new UprightFrame(0, r.width, r.height, r.scale),
  };
}

/**
 * Tesseract OSD: the clockwise quarter turns that make the page's text upright when it is sure
 * (`rotation`), its unsure answer (`guess`), or neither when it found too little text to judge.
 */
export async function osdTurn(
  pool: TesseractPool,
  page: UprightPage,
): Promise<{ rotation: Rotation; guess: Rotation | null }> {
  const { data } = await pool.useOsd((w) => w.detect(page.png));
  const deg = data.orientation_degrees;
  if (deg !== 0 && deg !== 90 && deg !== 180 && deg !== 270) return { rotation: 0, guess: null };
  return (data.orientation_confidence ?? 0) >= MIN_OSD_CONFIDENCE
    ? { rotation: deg, guess: deg }
    : { rotation: 0, guess: deg };
}

/** The page turned `rotation` degrees clockwise from how it was decoded (an unturned page). */
export async function turnPage(page: UprightPage, rotation: Rotation): Promise<UprightPage> {
  const { rasterW, rasterH, scale } = page.frame;
  if (page.frame.rotation !== 0) throw new Error('turnPage needs the page as decoded');
  if (rotation === 0) return page;
  const { data, info } = await sharp(page.grey, {
    raw: { width: rasterW, height: rasterH, channels: 1 },
  })
    .rotate(rotation)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    grey: data,
    png: await encodeGrey(data, info.width, info.height),
    width: info.width,
    height: info.height,
    frame: new UprightFrame(rotation, rasterW, rasterH, scale),
  };
}

/**
 * The page rotated `angle` radians clockwise about its centre on a white, enlarged canvas (to
 * level text skewed by -angle); its frame maps boxes back to the original image.
 */
export async function deskewPage(page: UprightPage, angle: number): Promise<UprightPage> {
  const { data, info } = await sharp(page.grey, {
    raw: { width: page.width, height: page.height, channels: 1 },
  })
    .rotate((angle * 180) / Math.PI, { background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    grey: data,
    png: await encodeGrey(data, info.width, info.height),
    width: info.width,
    height: info.height,
    frame: page.frame.withDeskew({
      angle,
      fromW: page.width,
      fromH: page.height,
      toW: info.width,
      toH: info.height,
    }),
  };
}
