// Faces from face-api's SsdMobilenetv1 weights through our own forward pass (onnxruntime-node's
// native kernels, or fused tfjs kernels where it does not load; JS pre- and post-processing).
// Same detections as face-api's detectAllFaces with SsdMobilenetv1Options({ minConfidence, maxResults }).
import type { RawImage } from '../../pool/protocol.js';
import { loadFaceApi } from '../face-api-runtime.js';
import { requireCjs, sharedTf } from '../tf-runtime.js';
import { decodeBoxes } from './decode-boxes.js';
import {
  chooseSsdForwardPass,
  type OnnxRuntimeLoader,
  type SsdEngine,
} from './forward-pass-choice.js';
import { fuseSsdLayers } from './fused-layers.js';
import { SSD_INPUT_SIZE, ssdInput } from './input-image.js';
import { nonMaxSuppression } from './non-max-suppression.js';
import type { HeadOutput } from './forward-pass.js';
import type { OnnxRuntime } from './onnx-forward-pass.js';

export interface SsdFace {
  /** In raster pixels. */
  box: { x: number; y: number; width: number; height: number };
  score: number;
}

/** face-api's SSD NMS overlap threshold. */
const IOU_THRESHOLD = 0.5;

export interface SsdDetector {
  engine: SsdEngine;
  /** Faces scoring above `minConfidence`, best first, at most `maxResults`. */
  detect(img: RawImage, minConfidence: number, maxResults: number): Promise<SsdFace[]>;
}

const loadOnnxRuntime: OnnxRuntimeLoader = () => requireCjs('onnxruntime-node') as OnnxRuntime;

/**
 * A detector on face-api's loaded SSD weights. `onnxRuntime` loads onnxruntime-node (the
 * default); `false`, or a loader that throws, runs the tfjs pass instead.
 */
export async function createSsdDetector(
  onnxRuntime: OnnxRuntimeLoader | false = loadOnnxRuntime,
): Promise<SsdDetector> {
  const api = await loadFaceApi();
  const params = api.nets.ssdMobilenetv1.params;
  if (!params) throw new Error('face-api SsdMobilenetv1 weights are not loaded');
  const tf = sharedTf();
  const layers = fuseSsdLayers(tf, params);
  const { engine, run } = await chooseSsdForwardPass(tf, layers, onnxRuntime || undefined);
  return {
    engine,
    detect: async (img, minConfidence, maxResults) =>
      facesFromHeads(img, await run(ssdInput(img)), layers.anchors, minConfidence, maxResults),
  };
}

let detector: Promise<SsdDetector> | undefined;

/** Faces scoring above `minConfidence`, best first, at most `maxResults`. */
export async function detectSsdFaces(
  img: RawImage,
  minConfidence: number,
  maxResults: number,
): Promise<SsdFace[]> {
  detector ??= createSsdDetector();
  return (await detector).detect(img, minConfidence, maxResults);
}

function facesFromHeads(
  img: RawImage,
  heads: HeadOutput[],
  anchors: Float32Array,
  minConfidence: number,
  maxResults: number,
): SsdFace[] {
  const { boxes, scores } = decodeBoxes(heads, anchors);
  const kept = nonMaxSuppression(boxes, scores, maxResults, IOU_THRESHOLD, minConfidence);
  // Relative to the padded square -> relative to the image -> raster pixels, in face-api's steps
  // (its scaled size is rounded, so the factor is not exactly side/width).
  const scale = SSD_INPUT_SIZE / Math.max(img.width, img.height);
  const padX = SSD_INPUT_SIZE / Math.round(img.width * scale);
  const padY = SSD_INPUT_SIZE / Math.round(img.height * scale);
  return kept.map((k) => {
    // face-api clips only the outer side of each edge.
    const top = Math.max(0, boxes[k * 4]!) * padY;
    const left = Math.max(0, boxes[k * 4 + 1]!) * padX;
    const bottom = Math.min(1, boxes[k * 4 + 2]!) * padY;
    const right = Math.min(1, boxes[k * 4 + 3]!) * padX;
    return {
      box: {
        x: left * img.width,
        y: top * img.height,
        width: (right - left) * img.width,
        height: (bottom - top) * img.height,
      },
      score: scores[k]!,
    };
  });
}
