// COCO objects (80 classes) from @vladmandic/human's centernet on the tfjs wasm backend. Only the
// object model is enabled; faces come from face-api (see face-analyzer.ts). Loaded once per worker.
import path from 'node:path';
import type { Config, Human } from '@vladmandic/human';
import type { RawImage } from '../pool/protocol.js';
import { fileUrlOf, installFileFetch, packageRoot, requireCjs, wasmDir } from './tf-runtime.js';

export interface DetectedObject {
  /** x, y, w, h in raster pixels. */
  box: [number, number, number, number];
  score: number;
  label: string;
}

/** Below 0.25 centernet's boxes on the test photos are mostly wrong (benches in lawns). */
export const OBJECT_MIN_CONFIDENCE = 0.25;

// Stills, not video: caching between "similar frames" (cacheSensitivity, skipFrames, skipTime)
// would hand one request's results to the next, so every cache is off.
function config(humanDir: string): Partial<Config> {
  return {
    backend: 'wasm', wasmPlatformFetch: true, wasmPath: fileUrlOf(wasmDir().slice(0, -1)),
    modelBasePath: fileUrlOf(path.join(humanDir, 'models')),
    cacheSensitivity: 0, warmup: 'none', debug: false, filter: { enabled: false },
    face: { enabled: false }, body: { enabled: false }, hand: { enabled: false },
    gesture: { enabled: false }, segmentation: { enabled: false },
    object: { enabled: true, skipFrames: 0, skipTime: 0, minConfidence: OBJECT_MIN_CONFIDENCE, iouThreshold: 0.4, maxDetected: 20 },
  } as Partial<Config>;
}

let human: Promise<Human> | undefined;
function loadHuman(): Promise<Human> {
  human ??= (async () => {
    installFileFetch();
    const dir = packageRoot('@vladmandic/human');
    // human's `exports` keys lack "./", so the wasm build is required by absolute path.
    const { Human: HumanClass } = requireCjs(path.join(dir, 'dist/human.node-wasm.js')) as { Human: new (c: Partial<Config>) => Human };
    const h = new HumanClass(config(dir));
    await h.load();
    return h;
  })();
  return human;
}

export async function detectObjects(img: RawImage): Promise<DetectedObject[]> {
  const h = await loadHuman();
  const input = h.tf.tensor4d(new Int32Array(img.data), [1, img.height, img.width, 3], 'int32');
  try {
    const res = await h.detect(input);
    return res.object.map((o) => ({ box: o.box, score: o.score, label: o.label }));
  } finally {
    h.tf.dispose(input);
  }
}
