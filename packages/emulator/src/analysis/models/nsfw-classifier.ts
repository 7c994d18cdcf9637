// Adult and racy scores from nsfwjs (MobileNetV2, 5 classes), loaded once per worker.
import type { NSFWJS } from 'nsfwjs';
import type { RawImage } from '../pool/protocol.js';
import { ensureWasmBackend, requireCjs } from './tf-runtime.js';

export interface NsfwScores { Drawing: number; Hentai: number; Neutral: number; Porn: number; Sexy: number }

let model: Promise<NSFWJS> | undefined;
function loadModel(): Promise<NSFWJS> {
  model ??= (async () => {
    await ensureWasmBackend();
    // The ESM build: the CJS one wraps each weight bundle (a 3.5 MB base64 string) in
    // __importStar, which defines a getter per character (10-18 s and hundreds of MB). Its
    // "@tensorflow/tfjs" still resolves to tfjs' CJS main (no "exports" map), so human, face-api
    // and nsfwjs share one tfjs-core instance.
    const { load } = await import('nsfwjs');
    // Naming the model keeps it on the weights bundled in the package (no URL). nsfwjs then
    // prints a "host your own model" notice, which does not apply to local weights.
    const info = console.info;
    console.info = () => undefined;
    try {
      return await load('MobileNetV2');
    } finally {
      console.info = info;
    }
  })();
  return model;
}

/** Class probabilities, summing to 1. The classifier resizes to 224 px itself. */
export async function classifyNsfw(img: RawImage): Promise<NsfwScores> {
  const m = await loadModel();
  const tf = requireCjs('@tensorflow/tfjs') as typeof import('@tensorflow/tfjs');
  const input = tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
  try {
    const scores: NsfwScores = { Drawing: 0, Hentai: 0, Neutral: 0, Porn: 0, Sexy: 0 };
    for (const p of await m.classify(input, 5)) scores[p.className] = p.probability;
    return scores;
  } finally {
    input.dispose();
  }
}
