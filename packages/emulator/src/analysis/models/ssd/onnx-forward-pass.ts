// The SSD's forward pass on onnxruntime-node's native CPU kernels (MLAS): the same graph as
// forward-pass.ts, several times faster than tfjs' single-threaded wasm convolutions.
import type * as Ort from 'onnxruntime-node';
import type { HeadOutput } from './forward-pass.js';
import { SSD_INPUT_SIZE } from './input-image.js';
import { SSD_ONNX_INPUT, ssdOnnxOutput } from './onnx-model.js';

export type OnnxRuntime = typeof Ort;

/** Raw head outputs for a [512 * 512 * 3] NHWC input normalised to -1..1 (see runSsd). */
export type SsdForwardPass = (input: Float32Array) => Promise<HeadOutput[]>;

export async function createOnnxSsdPass(
  ort: OnnxRuntime,
  model: Uint8Array,
  headCount: number,
): Promise<SsdForwardPass> {
  const session = await ort.InferenceSession.create(model, {
    // One thread: each model worker already has a core of its own.
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
  });
  const outputs = Array.from({ length: headCount }, (_, i) => ssdOnnxOutput(i));
  return async (input) => {
    const feed = {
      [SSD_ONNX_INPUT]: new ort.Tensor('float32', input, [1, SSD_INPUT_SIZE, SSD_INPUT_SIZE, 3]),
    };
    const result = await session.run(feed);
    return outputs.map((name) => {
      const t = result[name]!;
      return { values: t.data as Float32Array, channels: t.dims[3]! };
    });
  };
}
