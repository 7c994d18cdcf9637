// The SSD's forward pass on fused kernels: MobileNetV1, the prediction layer's extra feature maps
// and one merged box+class head per feature map. Same graph as face-api's in a quarter of the kernels.
import type * as Tf from '@tensorflow/tfjs';
import type { FusedConv, SsdLayers } from './fused-layers.js';

type Tf = typeof Tf;

/** Index in `blocks` of MobileNetV1's conv_11, whose output feeds the first head. */
export const FIRST_HEAD_BLOCK = 10;

/** One head's output: per cell of its feature map, `channels` values. */
export interface HeadOutput {
  values: Float32Array;
  channels: number;
}

/**
 * Raw head outputs for a [1, 512, 512, 3] input normalised to -1..1: one array per feature map,
 * each cell holding its anchors' box encodings (A*4) then class logits (A*3).
 */
export function runSsd(tf: Tf, layers: SsdLayers, input: Tf.Tensor4D): HeadOutput[] {
  const conv = (x: Tf.Tensor4D, p: FusedConv, stride: number): Tf.Tensor4D =>
    tf.fused.conv2d({
      x,
      filter: p.filter,
      bias: p.bias,
      strides: stride,
      pad: 'same',
      activation: 'relu6',
    });
  const depthwise = (x: Tf.Tensor4D, p: FusedConv, stride: number): Tf.Tensor4D =>
    tf.fused.depthwiseConv2d({
      x,
      filter: p.filter,
      bias: p.bias,
      strides: stride,
      pad: 'same',
      activation: 'relu6',
    });

  const outputs = tf.tidy(() => {
    let x = conv(input, layers.stem, 2);
    let firstMap = x;
    layers.blocks.forEach((b, i) => {
      x = conv(depthwise(x, b.depthwise, b.stride), b.pointwise, 1);
      if (i === FIRST_HEAD_BLOCK) firstMap = x;
    });
    const maps = [firstMap, x];
    let extra = x;
    layers.extras.forEach((p, i) => {
      extra = conv(extra, p, i % 2 === 1 ? 2 : 1);
      if (i % 2 === 1) maps.push(extra);
    });
    // The heads are linear (no activation).
    return maps.map((m, i) =>
      tf.fused.conv2d({
        x: m,
        filter: layers.heads[i]!.filter,
        bias: layers.heads[i]!.bias,
        strides: 1,
        pad: 'same',
      }),
    );
  });
  try {
    return outputs.map((t) => ({ values: t.dataSync() as Float32Array, channels: t.shape[3] }));
  } finally {
    for (const t of outputs) t.dispose();
  }
}
