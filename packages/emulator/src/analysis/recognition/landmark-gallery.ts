// ORB features of the landmark gallery, computed once per worker on first use.
import sharp from 'sharp';
import { loadOpenCv } from '../models/opencv-runtime.js';
import { listGallery, readGalleryFile } from './gallery-files.js';
import { orbFeatures, type OrbFeatures } from './orb-features.js';

export interface LandmarkReference { name: string; features: OrbFeatures }

/** Long side of every raster that ORB sees, gallery and query alike. */
export const LANDMARK_SIDE = 512;

let cached: Promise<LandmarkReference[]> | undefined;

export function landmarkGallery(roots: string[]): Promise<LandmarkReference[]> {
  cached ??= (async () => {
    const cv = await loadOpenCv();
    const refs: LandmarkReference[] = [];
    for (const { name, file } of await listGallery(roots, 'landmarks')) {
      const { data, info } = await readGalleryFile(file, (f) => sharp(f).rotate().flatten({ background: '#ffffff' }).greyscale()
        .resize({ width: LANDMARK_SIDE, height: LANDMARK_SIDE, fit: 'inside', withoutEnlargement: true })
        .raw().toBuffer({ resolveWithObject: true }));
      // Kept for the worker's lifetime: the descriptor Mats are the cache.
      refs.push({ name, features: orbFeatures(cv, data, info.width, info.height) });
    }
    return refs;
  })();
  return cached;
}
