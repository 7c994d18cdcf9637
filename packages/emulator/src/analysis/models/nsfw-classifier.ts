// Adult and racy scores from nsfwjs (MobileNetV2, 5 classes), loaded once per worker. nsfwjs loads
// the weights; inference runs on a fused copy of its model (fused-layers-model.ts: same function,
// about half the CPU).
import type * as tf from '@tensorflow/tfjs';
import type { RawImage } from '../pool/protocol.js';
import { type FusedModel, fuseLayersModel } from './fused-layers-model.js';
import { ensureWasmBackend, sharedTf } from './tf-runtime.js';

export interface NsfwScores {
  Drawing: number;
  Hentai: number;
  Neutral: number;
  Porn: number;
  Sexy: number;
}

/** Output order of the model (nsfwjs' NSFW_CLASSES, which its package does not export). */
const CLASSES: (keyof NsfwScores)[] = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'];
/** The Keras model's fixed input side. */
const INPUT_SIDE = 224;

let model: Promise<FusedModel> | undefined;
function loadModel(): Promise<FusedModel> {
  model ??= (async () => {
    await ensureWasmBackend();
    // The ESM build: the CJS one wraps each weight bundle (a 3.5 MB base64 string) in
    // __importStar, which defines a getter per character (10-18 s and hundreds of MB). Its
    // "@tensorflow/tfjs" still resolves to tfjs' CJS main (no "exports" map), so human, face-api
    // and nsfwjs share one tfjs-core instance.
    const { load } = await import('nsfwjs');
    // Naming the model keeps it on the weights bundled in the package (no URL). nsfwjs then
    // prints a "host your own model" notice, which does not apply to local weights; in the model
    // worker that lands on the worker's stdout, logged at debug level.
    const nsfw = await load('MobileNetV2');
    const fused = fuseLayersModel(sharedTf(), nsfw.model as tf.LayersModel);
    nsfw.dispose(); // the fused model holds its own copies of the weights
    return fused;
  })();
  return model;
}

/** Class probabilities, summing to 1. Preprocessing is nsfwjs' own: [0, 1] floats, bilinear 224 px with aligned corners. */
export async function classifyNsfw(img: RawImage): Promise<NsfwScores> {
  const m = await loadModel();
  const t = sharedTf();
  const probs = t.tidy(() => {
    const pixels = t.div(
      t.cast(t.tensor3d(img.data, [img.height, img.width, 3], 'int32'), 'float32'),
      t.scalar(255),
    );
    const sized =
      img.width === INPUT_SIDE && img.height === INPUT_SIDE
        ? pixels
        : t.image.resizeBilinear(pixels as tf.Tensor3D, [INPUT_SIDE, INPUT_SIDE], true);
    return m.predict(t.reshape(sized, [1, INPUT_SIDE, INPUT_SIDE, 3]) as tf.Tensor4D);
  });
  try {
    const values = await probs.data();
    const scores: NsfwScores = { Drawing: 0, Hentai: 0, Neutral: 0, Porn: 0, Sexy: 0 };
    CLASSES.forEach((name, i) => (scores[name] = values[i]!));
    return scores;
  } finally {
    probs.dispose();
  }
}
