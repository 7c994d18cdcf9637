// face-api's SsdMobilenetv1 weights rearranged once at load for tfjs' fused kernels: each layer
// becomes one conv with bias and relu6 instead of conv + batchNorm/add + clip passes.
import type * as Tf from '@tensorflow/tfjs';
import { foldBatchNorm, type FoldedConv } from '../batch-norm-folding.js';
import { t1, t4, type FaceApiModule } from '../face-api-runtime.js';

type SsdParams = NonNullable<FaceApiModule['nets']['ssdMobilenetv1']['params']>;
type Tf = typeof Tf;

/** A conv's filter and its per-output-channel bias. */
export type FusedConv = FoldedConv;

export interface SsdLayers {
  /** MobileNetV1 conv_0: 3x3, stride 2, on the normalised 512x512 input. */
  stem: FusedConv;
  /** MobileNetV1 conv_1..13: a 3x3 depthwise conv, then a 1x1 conv. */
  blocks: { depthwise: FusedConv; pointwise: FusedConv; stride: 1 | 2 }[];
  /** The prediction layer's conv_0..7 after MobileNetV1: 1x1, then 3x3 with stride 2, alternately. */
  extras: FusedConv[];
  /** Per feature map, box encodings and class logits in one conv: A*4 channels then A*3. */
  heads: FusedConv[];
  /** Prior boxes [ymin, xmin, ymax, xmax] per anchor, in the heads' order. */
  anchors: Float32Array;
}

/** face-api's batch norm epsilon (0.001 as float32). */
const BN_EPSILON = 0.0010000000474974513;
/** MobileNetV1 blocks that halve the resolution. */
const STRIDE_2_BLOCKS = new Set([2, 4, 6, 12]);

function foldDepthwise(tf: Tf, p: SsdParams['mobilenetv1']['conv_1']['depthwise_conv']): FusedConv {
  const bn = {
    gamma: t1(p.batch_norm_scale),
    beta: t1(p.batch_norm_offset),
    mean: t1(p.batch_norm_mean),
    variance: t1(p.batch_norm_variance),
    epsilon: BN_EPSILON,
  };
  return foldBatchNorm(tf, t4(p.filters), undefined, bn, true);
}

const pointwise = (p: SsdParams['mobilenetv1']['conv_0']): FusedConv => ({
  filter: t4(p.filters),
  bias: t1(p.batch_norm_offset),
});

function mergeHead(tf: Tf, p: SsdParams['prediction_layer']['box_predictor_0']): FusedConv {
  const box = p.box_encoding_predictor;
  const cls = p.class_predictor;
  return {
    filter: tf.concat([t4(box.filters), t4(cls.filters)], 3),
    bias: tf.concat([t1(box.bias), t1(cls.bias)], 0),
  };
}

/** Builds the fused layers once (new tensors for the folded and merged ones). */
export function fuseSsdLayers(tf: Tf, params: SsdParams): SsdLayers {
  const net = params.mobilenetv1;
  const pred = params.prediction_layer;
  return {
    stem: pointwise(net.conv_0),
    blocks: ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const).map((i) => ({
      depthwise: foldDepthwise(tf, net[`conv_${i}`].depthwise_conv),
      pointwise: pointwise(net[`conv_${i}`].pointwise_conv),
      stride: STRIDE_2_BLOCKS.has(i) ? 2 : 1,
    })),
    extras: ([0, 1, 2, 3, 4, 5, 6, 7] as const).map((i) => pointwise(pred[`conv_${i}`])),
    heads: ([0, 1, 2, 3, 4, 5] as const).map((i) => mergeHead(tf, pred[`box_predictor_${i}`])),
    anchors: (params.output_layer.extra_dim as unknown as Tf.Tensor).dataSync() as Float32Array,
  };
}
