import { toSharp } from '../image/raster.js';
import type { LoadedImage, Rect } from '../types.js';
import { fillWindow, placeWindow } from './crop-window.js';
import { saliencyMap, withFaces } from './saliency-map.js';

/** A crop of the original image, in original pixels. */
export type CropWindow = Rect;

/**
 * The part of the image a width x height thumbnail shows: the largest window of the target
 * aspect ratio, centred (Azure without smart cropping), or with smart cropping placed on the
 * faces when they fit together, else on the most salient content.
 */
export async function thumbnailWindow(
  img: LoadedImage,
  width: number,
  height: number,
  smartCropping: boolean,
  faces: readonly Rect[],
): Promise<CropWindow> {
  const size = fillWindow(img.width, img.height, width, height);
  if (!smartCropping) {
    return {
      x: Math.floor((img.width - size.w) / 2),
      y: Math.floor((img.height - size.h) / 2),
      ...size,
    };
  }
  const map = await saliencyMap(img);
  const pos = placeWindow(map, withFaces(map, faces), img.width, img.height, size.w, size.h, faces);
  return { ...pos, ...size };
}

/**
 * A thumbnail of exactly width x height. JPEG input gives a JPEG (quality 90); every other
 * format gives a PNG (lossless, keeps transparency).
 */
export async function smartThumbnail(
  img: LoadedImage,
  width: number,
  height: number,
  smartCropping: boolean,
  faces: readonly Rect[],
): Promise<{ data: Buffer; contentType: string }> {
  const win = await thumbnailWindow(img, width, height, smartCropping, faces);
  const pipeline = (await toSharp(img))
    .extract({ left: win.x, top: win.y, width: win.w, height: win.h })
    .resize(width, height, { fit: 'fill' });
  if (img.format === 'Jpeg')
    return { data: await pipeline.jpeg({ quality: 90 }).toBuffer(), contentType: 'image/jpeg' };
  return { data: await pipeline.png().toBuffer(), contentType: 'image/png' };
}
