// ORB features of the logo gallery (gallery/logos/<Brand>/*.jpg|png), computed once per worker on
// first use. Unlike landmarks, logos are not mirrored (mirrored lettering is not the brand), and
// each picture is described at LOGO_SIDE even when that enlarges it: logos are small pictures.
import sharp from 'sharp';
import { loadOpenCv } from '../models/opencv-runtime.js';
import { listGallery, readGalleryFile } from './gallery-files.js';
import { orbFeatures, type OrbFeatures } from './orb-features.js';

export interface LogoReference {
  name: string;
  features: OrbFeatures;
}

/** Long side of every gallery logo raster, and of every query raster (small ones are enlarged). */
export const LOGO_SIDE = 640;

let cached: Promise<LogoReference[]> | undefined;

export function logoGallery(roots: string[]): Promise<LogoReference[]> {
  cached ??= (async () => {
    const cv = await loadOpenCv();
    const refs: LogoReference[] = [];
    for (const { name, file } of await listGallery(roots, 'logos')) {
      const { data, info } = await readGalleryFile(file, (f) =>
        sharp(f)
          .rotate()
          .flatten({ background: '#ffffff' })
          .greyscale()
          .resize({ width: LOGO_SIDE, height: LOGO_SIDE, fit: 'inside' })
          .raw()
          .toBuffer({ resolveWithObject: true }),
      );
      refs.push({ name, features: orbFeatures(cv, data, info.width, info.height) });
    }
    return refs;
  })();
  return cached;
}
