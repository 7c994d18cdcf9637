// Folding an inference-time batch norm into the convolution before it:
//   gamma * (conv(x, K) + b - mean) / sqrt(var + eps) + beta  =  conv(x, K * s) + (b - mean) * s + beta
// with s = gamma / sqrt(var + eps) per output channel. Same function, one op instead of two.
// A plain per-channel scale layer (x * w + c after the conv) folds the same way with s = w.
import type * as tf from '@tensorflow/tfjs';

export interface BatchNormWeights {
  gamma: tf.Tensor1D;
  beta: tf.Tensor1D;
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
  epsilon: number;
}

export interface FoldedConv {
  filter: tf.Tensor4D;
  bias: tf.Tensor1D;
}

/**
 * conv(x, filter) + bias, then * scale + offset per output channel, as one conv: filter * scale
 * and bias * scale + offset. `filter` is [h, w, in, out] for a convolution or [h, w, in, 1] for a
 * depthwise one (whose output channel i is input channel i). Returns new tensors.
 */
export function foldChannelScale(
  t: typeof tf,
  filter: tf.Tensor4D,
  bias: tf.Tensor1D | undefined,
  scale: tf.Tensor1D,
  offset: tf.Tensor1D,
  depthwise: boolean,
): FoldedConv {
  return t.tidy(() => {
    const perChannel = depthwise
      ? t.reshape(scale, [1, 1, -1, 1])
      : t.reshape(scale, [1, 1, 1, -1]);
    return {
      filter: t.mul(filter, perChannel) as tf.Tensor4D,
      bias: t.add(t.mul(bias ?? t.zerosLike(offset), scale), offset) as tf.Tensor1D,
    };
  });
}

/** The batch norm after a conv folded into it; returns new tensors, the inputs are left alone. */
export function foldBatchNorm(
  t: typeof tf,
  filter: tf.Tensor4D,
  bias: tf.Tensor1D | undefined,
  bn: BatchNormWeights,
  depthwise: boolean,
): FoldedConv {
  return t.tidy(() => {
    const scale = t.div(bn.gamma, t.sqrt(t.add(bn.variance, bn.epsilon))) as tf.Tensor1D;
    const shift = t.sub(bias ?? t.zerosLike(bn.mean), bn.mean) as tf.Tensor1D;
    const folded = foldChannelScale(t, filter, shift, scale, bn.beta, depthwise);
    return { filter: folded.filter, bias: folded.bias };
  });
}
