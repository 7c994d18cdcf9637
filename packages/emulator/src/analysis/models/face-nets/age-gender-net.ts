// face-api's ageGenderNet on fused kernels: a TinyXception with two middle blocks, a 7x7 average
// pool, and the age and gender layers merged into one [512, 3] matrix (age, then the two gender
// logits, male first).
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
type XceptionParams = NonNullable<
  FaceApiModule['nets']['ageGenderNet']['faceFeatureExtractor']['params']
>;
type ReductionParams = XceptionParams['entry_flow']['reduction_block_0'];

export const AGE_GENDER_INPUT_SIZE = 112;

interface ReductionBlock {
  separable0: SeparableConv;
  separable1: SeparableConv;
  expansion: FusedConv;
}

export interface AgeGenderNet {
  stem: FusedConv;
  entry: [ReductionBlock, ReductionBlock];
  middle: [SeparableConv, SeparableConv, SeparableConv][];
  exit: ReductionBlock;
  exitConv: SeparableConv;
  /** [512, 3] and [3]: age, male logit, female logit. */
  heads: { weights: Tf.Tensor2D; bias: Tf.Tensor1D };
}

const reductionOf = (p: ReductionParams): ReductionBlock => ({
  separable0: separableOf(p.separable_conv0),
  separable1: separableOf(p.separable_conv1),
  expansion: convOf(p.expansion_conv),
});

/** face-api's loaded weights, with the two heads concatenated (new tensors) once. */
export function fuseAgeGenderNet(tf: Tf, api: FaceApiModule): AgeGenderNet {
  const x = api.nets.ageGenderNet.faceFeatureExtractor.params;
  const head = api.nets.ageGenderNet.params;
  if (!x || !head) throw new Error('face-api ageGenderNet weights are not loaded');
  const { age, gender } = head.fc;
  return {
    stem: convOf(x.entry_flow.conv_in),
    entry: [
      reductionOf(x.entry_flow.reduction_block_0),
      reductionOf(x.entry_flow.reduction_block_1),
    ],
    middle: Object.values(x.middle_flow).map((b) => [
      separableOf(b.separable_conv0),
      separableOf(b.separable_conv1),
      separableOf(b.separable_conv2),
    ]),
    exit: reductionOf(x.exit_flow.reduction_block),
    exitConv: separableOf(x.exit_flow.separable_conv),
    heads: {
      weights: tf.concat([t2(age.weights), t2(gender.weights)], 1),
      bias: tf.concat([t1(age.bias), t1(gender.bias)], 0),
    },
  };
}

/**
 * Two separable convs (ReLU between them), a 3x3 stride-2 max pool, plus a 1x1 stride-2 conv of
 * the block's input. `activated` is the input after ReLU (or the input itself for the first block).
 */
function reduction(tf: Tf, x: Tf.Tensor4D, activated: Tf.Tensor4D, b: ReductionBlock): Tf.Tensor4D {
  const inner = separableConv(
    tf,
    separableConv(tf, activated, b.separable0, 1, 'relu'),
    b.separable1,
    1,
    'linear',
  );
  return tf.add(tf.maxPool(inner, 3, 2, 'same'), conv(tf, x, b.expansion, 2, 'same', 'linear'));
}

/** Three separable convs (ReLU before each) plus the block's input. */
function middle(
  tf: Tf,
  x: Tf.Tensor4D,
  layers: [SeparableConv, SeparableConv, SeparableConv],
): Tf.Tensor4D {
  let out = separableConv(tf, tf.relu(x), layers[0], 1, 'relu');
  out = separableConv(tf, out, layers[1], 1, 'relu');
  return tf.add(separableConv(tf, out, layers[2], 1, 'linear'), x);
}

/** [faces, 3]: age, male logit, female logit; the caller disposes it. */
export function runAgeGenderNet(tf: Tf, net: AgeGenderNet, input: Tf.Tensor4D): Tf.Tensor2D {
  return tf.tidy(() => {
    const stem = conv(tf, input, net.stem, 2, 'same', 'relu');
    let x = reduction(tf, stem, stem, net.entry[0]);
    x = reduction(tf, x, tf.relu(x), net.entry[1]);
    for (const layers of net.middle) x = middle(tf, x, layers);
    x = reduction(tf, x, tf.relu(x), net.exit);
    x = separableConv(tf, x, net.exitConv, 1, 'relu');
    return fullyConnected(tf, tf.avgPool(x, 7, 2, 'valid'), net.heads.weights, net.heads.bias);
  });
}
