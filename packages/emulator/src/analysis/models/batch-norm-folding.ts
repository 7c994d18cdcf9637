// Folding an inference-time batch norm into the convolution before it:
//   gamma * (conv(x, K) + b - mean) / sqrt(var + eps) + beta  =  conv(x, K * s) + (b - mean) * s + beta
// with s = gamma / sqrt(var + eps) per output channel. Same function, one op instead of two.
import type * as tf from '@tensorflow/tfjs';

export interface BatchNormWeights { gamma: tf.Tensor1D; beta: tf.Tensor1D; mean: tf.Tensor1D; variance: tf.Tensor1D; epsilon: number }

export interface FoldedConv { filter: tf.Tensor4D; bias: tf.Tensor1D }

/**
 * `filter` is [h, w, in, out] for a convolution or [h, w, in, 1] for a depthwise one (whose
 * output channel i is input channel i). Returns new tensors; the inputs are left alone.
 */
export function foldBatchNorm(t: typeof tf, filter: tf.Tensor4D, bias: tf.Tensor1D | undefined, bn: BatchNormWeights, depthwise: boolean): FoldedConv {
  return t.tidy(() => {
    const scale = t.div(bn.gamma, t.sqrt(t.add(bn.variance, bn.epsilon)));
    const perChannel = depthwise ? t.reshape(scale, [1, 1, -1, 1]) : t.reshape(scale, [1, 1, 1, -1]);
    const shift = t.sub(bias ?? t.zerosLike(bn.mean), bn.mean);
    return {
      filter: t.mul(filter, perChannel) as tf.Tensor4D,
      bias: t.add(t.mul(shift, scale), bn.beta) as tf.Tensor1D,
    };
  });
}
