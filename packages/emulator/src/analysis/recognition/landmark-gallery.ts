// ORB features of the landmark gallery, computed once per worker on first use. Each picture is
// described twice, as it is and mirrored: ORB is not mirror-invariant, and matching a query against
// a mirrored picture finds mirrored copies as well as matching the mirrored query did (466 vs 468
// inliers for the flopped Colosseum photo) without describing every query twice.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { loadOpenCv } from '../models/opencv-runtime.js';
import { listGallery, readGalleryFile } from './gallery-files.js';
import { mirrorGrey } from './mirror-grey.js';
import { orbFeatures, type OrbFeatures } from './orb-features.js';

/** One view of a gallery picture: the picture itself or its mirror image. */
export interface LandmarkReference {
  name: string;
  features: OrbFeatures;
  about: LandmarkAbout;
}

/**
 * What a caption and tags say about a recognised place, from the optional `about.json` beside its
 * pictures: `{ "caption": "the Colosseum", "tags": ["building", "ancient"] }`. Without it the
 * caption is the name and there are no kind tags.
 */
export interface LandmarkAbout {
  caption?: string;
  tags?: string[];
}

async function readAbout(folder: string): Promise<LandmarkAbout> {
  let text: string;
  try {
    text = await readFile(path.join(folder, 'about.json'), 'utf8');
  } catch {
    return {}; // optional
  }
  const raw = JSON.parse(text) as { caption?: unknown; tags?: unknown };
  return {
    ...(typeof raw.caption === 'string' ? { caption: raw.caption } : {}),
    ...(Array.isArray(raw.tags)
      ? { tags: raw.tags.filter((t): t is string => typeof t === 'string') }
      : {}),
  };
}

/** Long side of every raster that ORB sees, gallery and query alike. */
export const LANDMARK_SIDE = 512;

let cached: Promise<LandmarkReference[]> | undefined;

export function landmarkGallery(roots: string[]): Promise<LandmarkReference[]> {
  cached ??= (async () => {
    const cv = await loadOpenCv();
    const refs: LandmarkReference[] = [];
    for (const { name, file } of await listGallery(roots, 'landmarks')) {
      const about = await readGalleryFile(path.join(path.dirname(file), 'about.json'), () =>
        readAbout(path.dirname(file)),
      );
      const { data, info } = await readGalleryFile(file, (f) =>
        sharp(f)
          .rotate()
          .flatten({ background: '#ffffff' })
          .greyscale()
          .resize({
            width: LANDMARK_SIDE,
            height: LANDMARK_SIDE,
            fit: 'inside',
            withoutEnlargement: true,
          })
          .raw()
          .toBuffer({ resolveWithObject: true }),
      );
      // Kept for the worker's lifetime: these features are the cache.
      refs.push({ name, about, features: orbFeatures(cv, data, info.width, info.height) });
      refs.push({
        name,
        about,
        features: orbFeatures(
          cv,
          mirrorGrey(data, info.width, info.height),
          info.width,
          info.height,
        ),
      });
    }
    return refs;
  })();
  return cached;
}
