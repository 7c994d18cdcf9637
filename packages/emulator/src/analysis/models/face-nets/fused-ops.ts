// The layer kinds of face-api's per-face nets on tfjs' fused kernels: each conv adds its bias and
// applies its ReLU in the same kernel, where face-api runs conv, add and relu as three.
import type * as Tf from '@tensorflow/tfjs';
import type { FoldedConv } from '../batch-norm-folding.js';
import { t1, t4 } from '../face-api-runtime.js';

type Tf = typeof Tf;
export type Activation = 'linear' | 'relu';

/** A conv's filter and its per-output-channel bias. */
export type FusedConv = FoldedConv;

/** tfjs' separableConv2d as face-api uses it: a depthwise conv, then a 1x1 conv that adds the bias. */
export interface SeparableConv {
  depthwise: Tf.Tensor4D;
  pointwise: FusedConv;
}

/** face-api's ConvParams (the same tensors, not copies). */
export const convOf = (p: { filters: unknown; bias: unknown }): FusedConv => ({
  filter: t4(p.filters),
  bias: t1(p.bias),
});

/** face-api's SeparableConvParams (the same tensors, not copies). */
export const separableOf = (p: {
  depthwise_filter: unknown;
  pointwise_filter: unknown;
  bias: unknown;
}): SeparableConv => ({
  depthwise: t4(p.depthwise_filter),
  pointwise: { filter: t4(p.pointwise_filter), bias: t1(p.bias) },
});

export function conv(
  tf: Tf,
  x: Tf.Tensor4D,
  p: FusedConv,
  stride: number,
  pad: 'same' | 'valid',
  activation: Activation,
): Tf.Tensor4D {
  return tf.fused.conv2d({ x, filter: p.filter, bias: p.bias, strides: stride, pad, activation });
}

export function separableConv(
  tf: Tf,
  x: Tf.Tensor4D,
  p: SeparableConv,
  stride: number,
  activation: Activation,
): Tf.Tensor4D {
  const spatial = tf.depthwiseConv2d(x, p.depthwise, stride, 'same');
  return tf.fused.conv2d({
    x: spatial,
    filter: p.pointwise.filter,
    bias: p.pointwise.bias,
    strides: 1,
    pad: 'valid',
    activation,
  });
}

/** [n, h, w, c] -> [n, h * w * c] times `weights` plus `bias`. */
export function fullyConnected(
  tf: Tf,
  x: Tf.Tensor4D,
  weights: Tf.Tensor2D,
  bias?: Tf.Tensor1D,
): Tf.Tensor2D {
  return tf.fused.matMul({ a: tf.reshape(x, [x.shape[0], -1]), b: weights, bias }) as Tf.Tensor2D;
}
