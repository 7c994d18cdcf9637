// COCO objects (80 classes) from @vladmandic/human's centernet on the tfjs wasm backend. human
// loads the model (only the object model is enabled; faces come from face-api, see
// face-analyzer.ts); inference calls the graph for its two heads and decodes them here
// (centernet-decode.ts), then applies human's own NMS and box arithmetic, so detections are the
// ones human.detect() gives, ~30 ms cheaper. Loaded once per worker.
import path from 'node:path';
import type { Config, GraphModel, Human, Tensor } from '@vladmandic/human';
import type { RawImage } from '../pool/protocol.js';
import { CENTERNET_GRID, decodeCenternet } from './centernet-decode.js';
import { COCO_LABELS } from './coco-labels.js';
import { OBJECT_MIN_CONFIDENCE, SUPPORT_MIN_CONFIDENCE } from './object-thresholds.js';
import { fileUrlOf, installFileFetch, packageRoot, requireCjs, wasmDir } from './tf-runtime.js';

export interface DetectedObject {
  /** x, y, w, h in raster pixels. */
  box: [number, number, number, number];
  score: number;
  label: string;
}

export { OBJECT_MIN_CONFIDENCE, SUPPORT_MIN_CONFIDENCE };
const IOU_THRESHOLD = 0.4;
const MAX_OBJECTS = 20;
const MAX_SUPPORTS = 20;
/** The graph's fixed input side. */
const INPUT_SIDE = 512;

// Stills, not video: caching between "similar frames" (cacheSensitivity, skipFrames, skipTime)
// would hand one request's results to the next, so every cache is off.
function config(humanDir: string): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPlatformFetch: true,
    wasmPath: fileUrlOf(wasmDir().slice(0, -1)),
    modelBasePath: fileUrlOf(path.join(humanDir, 'models')),
    cacheSensitivity: 0,
    warmup: 'none',
    debug: false,
    filter: { enabled: false },
    face: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    object: {
      enabled: true,
      skipFrames: 0,
      skipTime: 0,
      minConfidence: OBJECT_MIN_CONFIDENCE,
      iouThreshold: IOU_THRESHOLD,
      maxDetected: MAX_OBJECTS,
    },
  } as Partial<Config>;
}

interface Centernet {
  human: Human;
  model: GraphModel;
}

let loaded: Promise<Centernet> | undefined;
/** human itself, for tests that compare against human.detect(). */
export async function loadHuman(): Promise<Human> {
  return (await loadCenternet()).human;
}

function loadCenternet(): Promise<Centernet> {
  loaded ??= (async () => {
    installFileFetch();
    const dir = packageRoot('@vladmandic/human');
    // human's `exports` keys lack "./", so the wasm build is required by absolute path.
    const { Human: HumanClass } = requireCjs(path.join(dir, 'dist/human.node-wasm.js')) as {
      Human: new (c: Partial<Config>) => Human;
    };
    const human = new HumanClass(config(dir));
    await human.load();
    const model = human.models.models.centernet;
    if (!model) throw new Error('human did not load centernet');
    return { human, model };
  })();
  return loaded;
}

/** Objects scoring at least `minScore` (default: what is reported as an object). */
export async function detectObjects(
  img: RawImage,
  minScore = OBJECT_MIN_CONFIDENCE,
): Promise<DetectedObject[]> {
  const {
    human: { tf },
    model,
  } = await loadCenternet();
  const [heatT, extentsT] = tf.tidy(() => {
    const input = tf.tensor4d(new Int32Array(img.data), [1, img.height, img.width, 3], 'int32');
    const resized = tf.image.resizeBilinear(input, [INPUT_SIDE, INPUT_SIDE]);
    return model.execute(resized, ['tower_0/keypoints', 'tower_0/wh']) as Tensor[];
  });
  let heat: Float32Array;
  let extents: Float32Array;
  try {
    [heat, extents] = [
      (await heatT!.data()) as Float32Array,
      (await extentsT!.data()) as Float32Array,
    ];
  } finally {
    tf.dispose([heatT!, extentsT!]);
  }
  if (heat.length !== CENTERNET_GRID * CENTERNET_GRID * COCO_LABELS.length)
    throw new Error(`unexpected centernet heatmap size ${heat.length}`);
  const found = decodeCenternet(heat, extents, minScore);
  if (found.length === 0) return [];

  // human's NMS: boxes as y1, x1, y2, x2; scores strictly above the floor.
  const boxes = tf.tensor2d(
    found.flatMap((d) => [d.box[1], d.box[0], d.box[3], d.box[2]]),
    [found.length, 4],
  );
  const scores = tf.tensor1d(found.map((d) => d.score));
  let keep: Int32Array;
  try {
    const nms = await tf.image.nonMaxSuppressionAsync(
      boxes,
      scores,
      // Greedy NMS keeps stronger boxes first, so a lower floor adds weak boxes after them.
      minScore < OBJECT_MIN_CONFIDENCE ? MAX_OBJECTS + MAX_SUPPORTS : MAX_OBJECTS,
      IOU_THRESHOLD,
      minScore,
    );
    keep = (await nms.data()) as Int32Array;
    nms.dispose();
  } finally {
    tf.dispose([boxes, scores]);
  }
  // human's box arithmetic (centernet.ts process()), in the same order of operations.
  return Array.from(keep, (i) => {
    const d = found[i]!;
    const x = d.box[0] / INPUT_SIDE;
    const y = d.box[1] / INPUT_SIDE;
    const raw = [x, y, d.box[2] / INPUT_SIDE - x, d.box[3] / INPUT_SIDE - y] as const;
    const box: DetectedObject['box'] = [
      Math.trunc(raw[0] * img.width),
      Math.trunc(raw[1] * img.height),
      Math.trunc(raw[2] * img.width),
      Math.trunc(raw[3] * img.height),
    ];
    return { box, score: Math.trunc(100 * d.score) / 100, label: COCO_LABELS[d.classIndex]! };
  });
}
