// ORB keypoints and binary descriptors of a greyscale raster.
import type { Cv } from '../models/opencv-runtime.js';

export interface OrbFeatures {
  /** Keypoint coordinates, x0,y0,x1,y1,... */
  points: Float32Array;
  /** One 32-byte descriptor per keypoint, as DESCRIPTOR_WORDS words (plain JS memory, no Mat to free). */
  descriptors: Uint32Array;
}

/** 500 features: more (1000) was slower and noisier for landmarks in measurements. */
const ORB_FEATURES = 500;

export function orbFeatures(
  cv: Cv,
  grey: Uint8Array,
  width: number,
  height: number,
  count = ORB_FEATURES,
): OrbFeatures {
  const img = new cv.Mat(height, width, cv.CV_8UC1);
  const mask = new cv.Mat();
  const kp = new cv.KeyPointVector();
  const descriptors = new cv.Mat();
  const orb = new cv.ORB(count);
  try {
    img.data.set(grey);
    orb.detectAndCompute(img, mask, kp, descriptors);
    const points = new Float32Array(kp.size() * 2);
    for (let i = 0; i < kp.size(); i++) {
      const { pt } = kp.get(i);
      points[2 * i] = pt.x;
      points[2 * i + 1] = pt.y;
    }
    return { points, descriptors: new Uint32Array(descriptors.data.slice().buffer) };
  } finally {
    for (const m of [img, mask, kp, descriptors, orb]) m.delete();
  }
}
