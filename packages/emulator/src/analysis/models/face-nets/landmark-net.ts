// face-api's faceLandmark68Net on fused kernels: four dense blocks of separable convs, a 7x7 average
// pool and a fully connected layer giving 68 (x, y) pairs relative to the padded 112 px input.
import type * as Tf from '@tensorflow/tfjs';
import { t1, t2, type FaceApiModule } from '../face-api-runtime.js';
import {
  conv,
  convOf,
  fullyConnected,
  type FusedConv,
  type SeparableConv,
  separableConv,
  separableOf,
} from './fused-ops.js';

type Tf = typeof Tf;
type ExtractorParams = NonNullable<
  FaceApiModule['nets']['faceLandmark68Net']['faceFeatureExtractor']['params']
>;
type DenseBlockParams = ExtractorParams['dense0'];

export const LANDMARK_INPUT_SIZE = 112;

/** Its first layer halves the resolution: a plain 3x3 conv in the first block, separable after. */
interface DenseBlock {
  first: FusedConv | SeparableConv;
  rest: [SeparableConv, SeparableConv, SeparableConv];
}

export interface LandmarkNet {
  blocks: DenseBlock[];
  fc: { weights: Tf.Tensor2D; bias: Tf.Tensor1D };
}

function denseBlockOf(p: DenseBlockParams, isFirst: boolean): DenseBlock {
  return {
    first: isFirst
      ? convOf(p.conv0 as { filters: unknown; bias: unknown })
      : separableOf(p.conv0 as Parameters<typeof separableOf>[0]),
    rest: [separableOf(p.conv1), separableOf(p.conv2), separableOf(p.conv3)],
  };
}

/** face-api's loaded weights as they are (no bias or scale to fold; the ops are what get fused). */
export function landmarkNetOf(api: FaceApiModule): LandmarkNet {
  const extractor = api.nets.faceLandmark68Net.faceFeatureExtractor.params;
  const head = api.nets.faceLandmark68Net.params;
  if (!extractor || !head) throw new Error('face-api faceLandmark68Net weights are not loaded');
  return {
    blocks: [
      denseBlockOf(extractor.dense0, true),
      denseBlockOf(extractor.dense1, false),
      denseBlockOf(extractor.dense2, false),
      denseBlockOf(extractor.dense3, false),
    ],
    fc: { weights: t2(head.fc.weights), bias: t1(head.fc.bias) },
  };
}

/**
 * Each later layer sees the ReLU of the sum of all earlier outputs of the block; the block's output
 * is the ReLU of the sum of all four.
 */
function denseBlock(tf: Tf, x: Tf.Tensor4D, b: DenseBlock): Tf.Tensor4D {
  const first =
    'filter' in b.first
      ? conv(tf, x, b.first, 2, 'same', 'relu')
      : separableConv(tf, x, b.first, 2, 'relu');
  let sum = first;
  let next = first; // already ReLU'd
  for (const layer of b.rest) {
    sum = tf.add(sum, separableConv(tf, next, layer, 1, 'linear'));
    next = tf.relu(sum);
  }
  return next;
}

/** [faces, 136] (x0, y0, x1, ...) in 0..1 of the padded input; the caller disposes it. */
export function runLandmarkNet(tf: Tf, net: LandmarkNet, input: Tf.Tensor4D): Tf.Tensor2D {
  return tf.tidy(() => {
    let x = input;
    for (const b of net.blocks) x = denseBlock(tf, x, b);
    return fullyConnected(tf, tf.avgPool(x, 7, 2, 'valid'), net.fc.weights, net.fc.bias);
  });
}
