// @vladmandic/face-api on the tfjs wasm backend, loaded once per worker on first use.
import path from 'node:path';
import type * as Tf from '@tensorflow/tfjs';
import type * as FaceApi from '@vladmandic/face-api';
import { ensureWasmBackend, packageRoot, requireCjs } from './tf-runtime.js';

export type FaceApiModule = typeof FaceApi;

// face-api types its tensors with its own bundled declarations; they are the same tfjs objects.
export const t4 = (x: unknown): Tf.Tensor4D => x as Tf.Tensor4D;
export const t2 = (x: unknown): Tf.Tensor2D => x as Tf.Tensor2D;
export const t1 = (x: unknown): Tf.Tensor1D => x as Tf.Tensor1D;

let faceApi: Promise<FaceApiModule> | undefined;

/** The face-api module with SSD, 68 landmarks, age/gender and 128-d recognition nets loaded. */
export function loadFaceApi(): Promise<FaceApiModule> {
  faceApi ??= (async () => {
    const dir = packageRoot('@vladmandic/face-api');
    const api = requireCjs(path.join(dir, 'dist/face-api.node-wasm.js')) as FaceApiModule;
    await ensureWasmBackend();
    const models = path.join(dir, 'model');
    await Promise.all([
      api.nets.ssdMobilenetv1.loadFromDisk(models),
      api.nets.faceLandmark68Net.loadFromDisk(models),
      api.nets.ageGenderNet.loadFromDisk(models),
      api.nets.faceRecognitionNet.loadFromDisk(models),
    ]);
    return api;
  })();
  return faceApi;
}
