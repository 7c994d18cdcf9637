import { readFileSync } from 'node:fs';
import { loadImage } from '../load-image.js';
import { toRaster, type Raster } from '../raster.js';

/** Bytes of a repository test image (testdata/images), for tests. */
export const testImage = (name: string): Buffer =>
  readFileSync(new URL(`../../../../../../testdata/images/${name}`, import.meta.url));

/**
 * An image as the analyses receive it: the production `toRaster` of the loaded bytes (upright by
 * EXIF, alpha flattened on white, sRGB, at most `maxSide` px on the long side, never enlarged).
 * `image` is a file name of testdata/images, a path, or encoded bytes.
 */
export async function testRaster(image: string | Buffer, maxSide?: number): Promise<Raster> {
  const bytes =
    typeof image !== 'string'
      ? image
      : image.includes('/')
        ? readFileSync(image)
        : testImage(image);
  return toRaster(await loadImage(bytes), { ...(maxSide && { maxSide }), cache: false });
}
