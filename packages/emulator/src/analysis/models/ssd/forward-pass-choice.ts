// Which engine runs the SSD: onnxruntime-node's native kernels where its binary loads (linux,
// macOS, windows on x64/arm64), else the tfjs pass, with one warning, so the emulator still works.
import type * as Tf from '@tensorflow/tfjs';
import { runSsd } from './forward-pass.js';
import type { SsdLayers } from './fused-layers.js';
import { createOnnxSsdPass, type OnnxRuntime, type SsdForwardPass } from './onnx-forward-pass.js';
import { buildSsdOnnxModel } from './onnx-model.js';
import { SSD_INPUT_SIZE } from './input-image.js';
import { workerLog } from '../../pool/worker-log.js';

export type SsdEngine = 'onnxruntime' | 'tfjs';

/** Loads onnxruntime-node; throws where its native binary is missing or does not load. */
export type OnnxRuntimeLoader = () => OnnxRuntime;

export function tfjsSsdPass(tf: typeof Tf, layers: SsdLayers): SsdForwardPass {
  return async (values) => {
    const input = tf.tensor4d(values, [1, SSD_INPUT_SIZE, SSD_INPUT_SIZE, 3], 'float32');
    try {
      return runSsd(tf, layers, input);
    } finally {
      input.dispose();
    }
  };
}

/** onnxruntime if `loadOnnxRuntime` is given and works, else tfjs. */
export async function chooseSsdForwardPass(
  tf: typeof Tf,
  layers: SsdLayers,
  loadOnnxRuntime: OnnxRuntimeLoader | undefined,
  warn: (message: string) => void = workerLog.warn,
): Promise<{ engine: SsdEngine; run: SsdForwardPass }> {
  if (loadOnnxRuntime) {
    try {
      const run = await createOnnxSsdPass(
        loadOnnxRuntime(),
        buildSsdOnnxModel(layers),
        layers.heads.length,
      );
      return { engine: 'onnxruntime', run };
    } catch (err) {
      warn(
        `face detection falls back to tfjs (slower): onnxruntime-node is unavailable (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  return { engine: 'tfjs', run: tfjsSsdPass(tf, layers) };
}
