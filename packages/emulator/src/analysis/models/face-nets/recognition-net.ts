// face-api's faceRecognitionNet (a dlib-style ResNet-34 giving 128-d descriptors) on fused kernels.
// Each of its conv layers is conv + bias, then a scale layer (* w + c), then maybe ReLU: four
// kernels in face-api, one here, the scale folded into the filter and bias once at load.
import type * as Tf from '@tensorflow/tfjs';
import { foldChannelScale } from '../batch-norm-folding.js';
import { t1, t2, t4, type FaceApiModule } from '../face-api-runtime.js';
import { conv, type FusedConv } from './fused-ops.js';

type Tf = typeof Tf;
type RecognitionParams = NonNullable<FaceApiModule['nets']['faceRecognitionNet']['params']>;
type ConvLayerParams = RecognitionParams['conv32_down'];
type ResidualParams = RecognitionParams['conv32_1'];

export const RECOGNITION_INPUT_SIZE = 150;

interface Residual {
  conv1: FusedConv;
  conv2: FusedConv;
  down: boolean;
}

export interface RecognitionNet {
  /** 7x7 stride-2 'valid' conv on the normalised input, then a 3x3 stride-2 max pool. */
  stem: FusedConv;
  /** Residual blocks in order; a `down` block halves the resolution. */
  blocks: Residual[];
  /** [256, 128]: the mean of the last feature map -> the descriptor (no bias). */
  fc: Tf.Tensor2D;
}

const BLOCKS = [
  ['conv32_1', false],
  ['conv32_2', false],
  ['conv32_3', false],
  ['conv64_down', true],
  ['conv64_1', false],
  ['conv64_2', false],
  ['conv64_3', false],
  ['conv128_down', true],
  ['conv128_1', false],
  ['conv128_2', false],
  ['conv256_down', true],
  ['conv256_1', false],
  ['conv256_2', false],
  ['conv256_down_out', true],
] as const satisfies readonly (readonly [keyof RecognitionParams, boolean])[];

function fold(tf: Tf, p: ConvLayerParams): FusedConv {
  return foldChannelScale(
    tf,
    t4(p.conv.filters),
    t1(p.conv.bias),
    t1(p.scale.weights),
    t1(p.scale.biases),
    false,
  );
}

/** Folds the scale layers once (new tensors; face-api's own are left alone). */
export function fuseRecognitionNet(tf: Tf, params: RecognitionParams): RecognitionNet {
  return {
    stem: fold(tf, params.conv32_down),
    blocks: BLOCKS.map(([name, down]) => {
      const p = params[name] as ResidualParams;
      return { conv1: fold(tf, p.conv1), conv2: fold(tf, p.conv2), down };
    }),
    fc: t2(params.fc),
  };
}

/**
 * relu(conv2(conv1(x)) + x). A down block's conv1 is 3x3 stride 2 'valid'; its shortcut is a 2x2
 * average pool with the extra channels zero, and where the pool keeps one more row and column than
 * the conv, the conv's output gets a zero row and column (bottom, right), as face-api does.
 */
function residual(tf: Tf, x: Tf.Tensor4D, b: Residual): Tf.Tensor4D {
  let out = conv(tf, x, b.conv1, b.down ? 2 : 1, b.down ? 'valid' : 'same', 'relu');
  out = conv(tf, out, b.conv2, 1, 'same', 'linear');
  if (!b.down) return tf.relu(tf.add(out, x)) as Tf.Tensor4D;
  let shortcut = tf.avgPool(x, 2, 2, 'valid');
  const extraRows = shortcut.shape[1] - out.shape[1];
  if (extraRows !== shortcut.shape[2] - out.shape[2] || extraRows < 0 || extraRows > 1)
    throw new Error('unexpected residual shapes');
  if (extraRows)
    out = tf.pad(out, [
      [0, 0],
      [0, 1],
      [0, 1],
      [0, 0],
    ]);
  const extraChannels = out.shape[3] - shortcut.shape[3];
  if (extraChannels)
    shortcut = tf.pad(shortcut, [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, extraChannels],
    ]);
  return tf.relu(tf.add(shortcut, out)) as Tf.Tensor4D;
}

/** Descriptors [faces, 128] of a [faces, 150, 150, 3] normalised batch; the caller disposes them. */
export function runRecognitionNet(tf: Tf, net: RecognitionNet, input: Tf.Tensor4D): Tf.Tensor2D {
  return tf.tidy(() => {
    let x = conv(tf, input, net.stem, 2, 'valid', 'relu');
    x = tf.maxPool(x, 3, 2, 'valid');
    for (const b of net.blocks) x = residual(tf, x, b);
    return tf.matMul(tf.mean(x, [1, 2]) as Tf.Tensor2D, net.fc);
  });
}
