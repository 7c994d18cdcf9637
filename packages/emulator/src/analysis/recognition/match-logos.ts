// Logos in a query image: RANSAC-verified ORB matches against every gallery logo, as landmarks
// are found, and where in the query the verified matches lie (the brand's rectangle).
import type { Cv } from '../models/opencv-runtime.js';
import type { LogoMatch, RawImage } from '../pool/protocol.js';
import { inlierMatches } from './homography-inliers.js';
import type { LogoReference } from './logo-gallery.js';
import { orbFeatures } from './orb-features.js';

/**
 * The Microsoft logo's own photo keeps 300+ inliers, a copy shrunk to 87 % and saved at JPEG q60
 * on another photo 22; unrelated test images reach at most 10 (measured).
 */
export const MIN_LOGO_INLIERS = 20;
/** A logo may be a small part of the query: describe more of it than a landmark query. */
const QUERY_FEATURES = 1000;
/** ORB's patch radius: a keypoint describes this many pixels around it. */
const PATCH_RADIUS = 15;
/**
 * The matched part of the logo may be scaled differently across than along (perspective), but not
 * by more than this: on a page of print, letters of the logo's word match letters spread over
 * the page (the MultiLingual test page gave 39 "inliers" spread 3x wider than tall).
 */
const MAX_STRETCH = 1.6;

type Box = [number, number, number, number];

/** Best match per brand name at or above MIN_LOGO_INLIERS, strongest first; boxes in raster px. */
export function matchLogos(cv: Cv, grey: RawImage, gallery: LogoReference[]): LogoMatch[] {
  if (!gallery.length) return [];
  const query = orbFeatures(cv, grey.data, grey.width, grey.height, QUERY_FEATURES);
  const best = new Map<string, LogoMatch>();
  for (const ref of gallery) {
    const inliers = inlierMatches(cv, query, ref.features, MIN_LOGO_INLIERS);
    if (inliers.length < MIN_LOGO_INLIERS) continue;
    if (inliers.length <= (best.get(ref.name)?.inliers ?? 0)) continue;
    const inQuery = pointsBox(
      query.points,
      inliers.map(([q]) => q),
    );
    const inRef = pointsBox(
      ref.features.points,
      inliers.map(([, r]) => r),
    );
    if (stretch(inQuery, inRef) > MAX_STRETCH) continue;
    best.set(ref.name, { name: ref.name, inliers: inliers.length, box: grown(inQuery, grey) });
  }
  return [...best.values()].sort((a, b) => b.inliers - a.inliers);
}

/** How much more the query box is scaled on one axis than on the other, against the ref box. */
function stretch(q: Box, r: Box): number {
  const sx = q[2] / Math.max(1, r[2]);
  const sy = q[3] / Math.max(1, r[3]);
  return Math.max(sx, sy) / Math.max(1e-6, Math.min(sx, sy));
}

function pointsBox(points: Float32Array, indices: number[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const i of indices) {
    x0 = Math.min(x0, points[2 * i]!);
    y0 = Math.min(y0, points[2 * i + 1]!);
    x1 = Math.max(x1, points[2 * i]!);
    y1 = Math.max(y1, points[2 * i + 1]!);
  }
  return [x0, y0, x1 - x0, y1 - y0];
}

/** The box grown by the patch each keypoint describes, inside the raster. */
function grown(b: Box, size: { width: number; height: number }): Box {
  const x0 = Math.max(0, b[0] - PATCH_RADIUS);
  const y0 = Math.max(0, b[1] - PATCH_RADIUS);
  const x1 = Math.min(size.width, b[0] + b[2] + PATCH_RADIUS);
  const y1 = Math.min(size.height, b[1] + b[3] + PATCH_RADIUS);
  return [x0, y0, x1 - x0, y1 - y0];
}

/** Same curve as landmarks: about 0.49 at the threshold, 0.81 at 50 inliers, 0.96 at 100. */
export function logoConfidence(inliers: number): number {
  return 1 - Math.exp(-inliers / 30);
}
