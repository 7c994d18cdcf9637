// The hand-written ONNX encoder, checked by onnxruntime itself: a tiny graph with the attribute
// kinds the SSD uses (ints, int lists, asymmetric pads, grouped conv) must load and compute.
import { createRequire } from 'node:module';
import type * as Ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { encodeOnnxModel } from './model-proto.js';

const ort = createRequire(import.meta.url)('onnxruntime-node') as typeof Ort;

describe('encodeOnnxModel', () => {
  it('encodes a grouped 3x3 stride-2 conv with bottom/right padding and a Clip that onnxruntime runs', async () => {
    // Two channels, 4x4 each: channel 0 counts 1..16, channel 1 is all ones.
    const input = Float32Array.from({ length: 32 }, (_, i) => (i < 16 ? i + 1 : 1));
    const model = encodeOnnxModel({
      name: 'tiny',
      opset: 13,
      nodes: [
        {
          opType: 'Conv',
          inputs: ['x', 'w', 'b'],
          outputs: ['y'],
          attributes: { kernel_shape: [3, 3], strides: [2, 2], pads: [0, 0, 1, 1], group: 2 },
        },
        { opType: 'Clip', inputs: ['y', 'lo', 'hi'], outputs: ['z'] },
      ],
      initializers: [
        { name: 'w', dims: [2, 1, 3, 3], data: new Float32Array(18).fill(1) },
        { name: 'b', dims: [2], data: Float32Array.of(0, -100) },
        { name: 'lo', dims: [], data: Float32Array.of(-1) },
        { name: 'hi', dims: [], data: Float32Array.of(60) },
      ],
      inputs: [{ name: 'x', dims: [1, 2, 4, 4] }],
      outputs: [{ name: 'z', dims: [1, 2, 2, 2] }],
    });
    const session = await ort.InferenceSession.create(model, {
      intraOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
    const { z } = await session.run({ x: new ort.Tensor('float32', input, [1, 2, 4, 4]) });
    // Windows at rows/cols 0..2 and 2..4, the padding row/col 4 counting 0 (TF 'SAME'): channel 0
    // sums 54, 45 / 72 (clipped to 60), 54; channel 1 sums 9, 6 / 6, 4, minus 100, clipped to -1.
    expect(Array.from(z!.data as Float32Array)).toEqual([54, 45, 60, 54, -1, -1, -1, -1]);
  });
});
