// Landmarks in a query image: RANSAC-verified ORB matches against every gallery view. ORB is not
// mirror-invariant (a flipped copy keeps only ~11 inliers), so the gallery holds each picture's
// mirror image too (landmark-gallery.ts) and the query is described once.
import type { Cv } from '../models/opencv-runtime.js';
import type { LandmarkMatch, RawImage } from '../pool/protocol.js';
import { homographyInliers } from './homography-inliers.js';
import type { LandmarkReference } from './landmark-gallery.js';
import { orbFeatures } from './orb-features.js';

/** Edited copies keep >= 38 inliers, distinct photos <= 10 (measured). */
export const MIN_INLIERS = 20;

/** Best inlier count per landmark name, strongest first, only names at or above MIN_INLIERS. */
export function matchLandmarks(
  cv: Cv,
  grey: RawImage,
  gallery: LandmarkReference[],
): LandmarkMatch[] {
  const query = orbFeatures(cv, grey.data, grey.width, grey.height);
  const best = new Map<string, LandmarkMatch>();
  for (const ref of gallery) {
    const inliers = homographyInliers(cv, query, ref.features, MIN_INLIERS);
    if (inliers > (best.get(ref.name)?.inliers ?? -1))
      best.set(ref.name, { name: ref.name, inliers, ...ref.about });
  }
  return [...best.values()]
    .filter((m) => m.inliers >= MIN_INLIERS)
    .sort((a, b) => b.inliers - a.inliers);
}

/** Grows with verified inliers: about 0.49 at the threshold, 0.81 at 50, 0.96 at 100. */
export function landmarkConfidence(inliers: number): number {
  return 1 - Math.exp(-inliers / 30);
}
