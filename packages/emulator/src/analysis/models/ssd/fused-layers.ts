// face-api's SsdMobilenetv1 weights rearranged once at load for tfjs' fused kernels: each layer
// becomes one conv with bias and relu6 instead of conv + batchNorm/add + clip passes.
import type * as Tf from '@tensorflow/tfjs';
import type { FaceApiModule } from '../face-api-runtime.js';

type SsdParams = NonNullable<FaceApiModule['nets']['ssdMobilenetv1']['params']>;
type Tf = typeof Tf;

// A type alias, not an interface, so tf.tidy accepts it as a tensor container.
export type FusedConv = { filter: Tf.Tensor4D; bias: Tf.Tensor1D };

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

// face-api types its tensors with its own bundled declarations; they are the same tfjs objects.
const t4 = (x: unknown): Tf.Tensor4D => x as Tf.Tensor4D;
const t1 = (x: unknown): Tf.Tensor1D => x as Tf.Tensor1D;

/** Folds a depthwise conv's batch norm into its filter and bias: y = conv(x, w*s) + (beta - mean*s). */
function foldDepthwise(tf: Tf, p: SsdParams['mobilenetv1']['conv_1']['depthwise_conv']): FusedConv {
  const scale = tf.div(t1(p.batch_norm_scale), tf.sqrt(tf.add(t1(p.batch_norm_variance), BN_EPSILON)));
  const filter = tf.mul(t4(p.filters), tf.reshape(scale, [1, 1, -1, 1])) as Tf.Tensor4D;
  const bias = tf.sub(t1(p.batch_norm_offset), tf.mul(t1(p.batch_norm_mean), scale)) as Tf.Tensor1D;
  return { filter, bias };
}

const pointwise = (p: SsdParams['mobilenetv1']['conv_0']): FusedConv =>
  ({ filter: t4(p.filters), bias: t1(p.batch_norm_offset) });

function mergeHead(tf: Tf, p: SsdParams['prediction_layer']['box_predictor_0']): FusedConv {
  const box = p.box_encoding_predictor;
  const cls = p.class_predictor;
  return {
    filter: tf.concat([t4(box.filters), t4(cls.filters)], 3),
    bias: tf.concat([t1(box.bias), t1(cls.bias)], 0),
  };
}

/** Builds the fused layers once; tidy keeps the new tensors it returns and frees the temporaries. */
export function fuseSsdLayers(tf: Tf, params: SsdParams): SsdLayers {
  const net = params.mobilenetv1;
  const pred = params.prediction_layer;
  const { blocks, heads } = tf.tidy(() => ({
    blocks: ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const).map((i) => ({
      depthwise: foldDepthwise(tf, net[`conv_${i}`].depthwise_conv),
      pointwise: pointwise(net[`conv_${i}`].pointwise_conv),
      stride: STRIDE_2_BLOCKS.has(i) ? 2 as const : 1 as const,
    })),
    heads: ([0, 1, 2, 3, 4, 5] as const).map((i) => mergeHead(tf, pred[`box_predictor_${i}`])),
  }));
  return {
    stem: pointwise(net.conv_0),
    blocks,
    extras: ([0, 1, 2, 3, 4, 5, 6, 7] as const).map((i) => pointwise(pred[`conv_${i}`])),
    heads,
    anchors: (params.output_layer.extra_dim as unknown as Tf.Tensor).dataSync() as Float32Array,
  };
}
