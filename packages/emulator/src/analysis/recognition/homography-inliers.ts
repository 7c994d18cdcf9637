// Geometric verification: ratio-test ORB matches, then count RANSAC homography inliers. Distinct
// images share few geometrically consistent matches (max 10 over 1,324 test pairs), while edited
// copies of one photo keep dozens to hundreds.
import type { Cv } from '../models/opencv-runtime.js';
import type { OrbFeatures } from './orb-features.js';

const RATIO = 0.75;
const RANSAC_PX = 5;

export function homographyInliers(cv: Cv, query: OrbFeatures, ref: OrbFeatures): number {
  if (query.descriptors.rows < 2 || ref.descriptors.rows < 2) return 0;
  const matcher = new cv.BFMatcher(cv.NORM_HAMMING);
  const knn = new cv.DMatchVectorVector();
  try {
    matcher.knnMatch(query.descriptors, ref.descriptors, knn, 2);
    const src: number[] = [];
    const dst: number[] = [];
    for (let i = 0; i < knn.size(); i++) {
      const pair = knn.get(i);
      const [a, b] = pair.size() < 2 ? [undefined, undefined] : [pair.get(0), pair.get(1)];
      pair.delete?.();
      if (!a || !b || a.distance >= RATIO * b.distance) continue;
      src.push(query.points[2 * a.queryIdx]!, query.points[2 * a.queryIdx + 1]!);
      dst.push(ref.points[2 * a.trainIdx]!, ref.points[2 * a.trainIdx + 1]!);
    }
    if (src.length < 8) return 0; // a homography needs 4 point pairs
    return countInliers(cv, src, dst);
  } finally {
    knn.delete();
    matcher.delete();
  }
}

function countInliers(cv: Cv, src: number[], dst: number[]): number {
  const a = cv.matFromArray(src.length / 2, 1, cv.CV_32FC2, src);
  const b = cv.matFromArray(dst.length / 2, 1, cv.CV_32FC2, dst);
  const mask = new cv.Mat();
  try {
    cv.setRNGSeed(1); // reproducible RANSAC sampling
    const h = cv.findHomography(a, b, cv.RANSAC, RANSAC_PX, mask);
    h.delete();
    let n = 0;
    for (const v of mask.data) if (v) n++;
    return n;
  } finally {
    for (const m of [a, b, mask]) m.delete();
  }
}
