// Geometric verification: ratio-test ORB matches, then count RANSAC homography inliers. Distinct
// images share few geometrically consistent matches (max 10 over 1,324 test pairs), while edited
// copies of one photo keep dozens to hundreds.
import type { Cv } from '../models/opencv-runtime.js';
import type { OrbFeatures } from './orb-features.js';
import { ratioMatches } from './ratio-matches.js';

const RATIO = 0.75;
const RANSAC_PX = 5;

/** A homography needs 4 point pairs. */
const MIN_PAIRS = 4;

/**
 * RANSAC inliers among the ratio-test matches, or 0 when there are fewer than `wanted` matches:
 * inliers are a subset of the matches, so RANSAC (2,000 iterations, ~5 ms, when few matches
 * agree) could not reach `wanted` then.
 */
export function homographyInliers(
  cv: Cv,
  query: OrbFeatures,
  ref: OrbFeatures,
  wanted = MIN_PAIRS,
): number {
  return inlierMatches(cv, query, ref, wanted).length;
}

/** Like homographyInliers, but each inlier as [queryIndex, refIndex] (where the matches lie). */
export function inlierMatches(
  cv: Cv,
  query: OrbFeatures,
  ref: OrbFeatures,
  wanted = MIN_PAIRS,
): [number, number][] {
  const matches = ratioMatches(query.descriptors, ref.descriptors, RATIO);
  if (matches.length < Math.max(MIN_PAIRS, wanted)) return [];
  const src: number[] = [];
  const dst: number[] = [];
  for (const [q, r] of matches) {
    src.push(query.points[2 * q]!, query.points[2 * q + 1]!);
    dst.push(ref.points[2 * r]!, ref.points[2 * r + 1]!);
  }
  const mask = inlierMask(cv, src, dst);
  return matches.filter((_, i) => mask[i]);
}

function inlierMask(cv: Cv, src: number[], dst: number[]): boolean[] {
  const a = cv.matFromArray(src.length / 2, 1, cv.CV_32FC2, src);
  const b = cv.matFromArray(dst.length / 2, 1, cv.CV_32FC2, dst);
  const mask = new cv.Mat();
  try {
    cv.setRNGSeed(1); // reproducible RANSAC sampling
    const h = cv.findHomography(a, b, cv.RANSAC, RANSAC_PX, mask);
    h.delete();
    return Array.from(mask.data, (v) => v !== 0);
  } finally {
    for (const m of [a, b, mask]) m.delete();
  }
}
