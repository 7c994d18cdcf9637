// @techstark/opencv-js 5.0 (OpenCV compiled to wasm): ORB and RANSAC homography (descriptors are
// matched in plain JS, recognition/ratio-matches.ts). The package ships no type declarations, so
// the few calls used are typed here.
import { requireCjs } from './tf-runtime.js';

export interface CvMat {
  rows: number;
  cols: number;
  data: Uint8Array;
  data32F: Float32Array;
  delete(): void;
}
export interface CvKeyPoints {
  size(): number;
  get(i: number): { pt: { x: number; y: number } };
  delete(): void;
}
export interface Cv {
  CV_8UC1: number;
  CV_32FC2: number;
  RANSAC: number;
  Mat: new (rows?: number, cols?: number, type?: number) => CvMat;
  KeyPointVector: new () => CvKeyPoints;
  ORB: new (
    nFeatures: number,
  ) => {
    detectAndCompute(img: CvMat, mask: CvMat, kp: CvKeyPoints, desc: CvMat): void;
    delete(): void;
  };
  matFromArray(rows: number, cols: number, type: number, values: number[]): CvMat;
  findHomography(src: CvMat, dst: CvMat, method: number, threshold: number, mask: CvMat): CvMat;
  setRNGSeed(seed: number): void;
}

let cv: Promise<Cv> | undefined;

/** OpenCV, initialised once per worker (0.5-0.8 s). 5.0's require() returns a Promise. */
export function loadOpenCv(): Promise<Cv> {
  cv ??= Promise.resolve(requireCjs('@techstark/opencv-js') as Promise<Cv>).then((m) => m);
  return cv;
}
