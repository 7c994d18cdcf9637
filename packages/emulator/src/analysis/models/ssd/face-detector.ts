// Faces from face-api's SsdMobilenetv1 weights through our own forward pass (fused kernels, JS
// pre- and post-processing). Same detections as face-api's detectAllFaces with
// SsdMobilenetv1Options({ minConfidence, maxResults }); about a third less CPU.
import type * as Tf from '@tensorflow/tfjs';
import type { RawImage } from '../../pool/protocol.js';
import { loadFaceApi } from '../face-api-runtime.js';
import { requireCjs } from '../tf-runtime.js';
import { decodeBoxes } from './decode-boxes.js';
import { runSsd } from './forward-pass.js';
import { fuseSsdLayers, type SsdLayers } from './fused-layers.js';
import { SSD_INPUT_SIZE, ssdInput } from './input-image.js';
import { nonMaxSuppression } from './non-max-suppression.js';

export interface SsdFace {
  /** In raster pixels. */
  box: { x: number; y: number; width: number; height: number };
  score: number;
}

/** face-api's SSD NMS overlap threshold. */
const IOU_THRESHOLD = 0.5;

let detector: Promise<{ tf: typeof Tf; layers: SsdLayers }> | undefined;
function loadDetector(): Promise<{ tf: typeof Tf; layers: SsdLayers }> {
  detector ??= (async () => {
    const api = await loadFaceApi();
    const params = api.nets.ssdMobilenetv1.params;
    if (!params) throw new Error('face-api SsdMobilenetv1 weights are not loaded');
    // The same tfjs instance face-api runs on (see face-api-runtime.ts).
    const tf = requireCjs('@tensorflow/tfjs') as typeof Tf;
    return { tf, layers: fuseSsdLayers(tf, params) };
  })();
  return detector;
}

/** Faces scoring above `minConfidence`, best first, at most `maxResults`. */
export async function detectSsdFaces(img: RawImage, minConfidence: number, maxResults: number): Promise<SsdFace[]> {
  const { tf, layers } = await loadDetector();
  const input = tf.tensor4d(ssdInput(img), [1, SSD_INPUT_SIZE, SSD_INPUT_SIZE, 3], 'float32');
  let heads;
  try {
    heads = runSsd(tf, layers, input);
  } finally {
    input.dispose();
  }
  const { boxes, scores } = decodeBoxes(heads, layers.anchors);
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
      box: { x: left * img.width, y: top * img.height, width: (right - left) * img.width, height: (bottom - top) * img.height },
      score: scores[k]!,
    };
  });
}
