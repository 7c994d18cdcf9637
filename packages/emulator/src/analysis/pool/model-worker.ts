// Entry of a model worker thread: runs one task at a time and replies with plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFaces, detectFaceBoxes } from '../models/face-analyzer.js';
import { detectObjects, SUPPORT_MIN_CONFIDENCE } from '../models/object-detector.js';
import { classifyNsfw } from '../models/nsfw-classifier.js';
import { loadOpenCv } from '../models/opencv-runtime.js';
import { celebrityGallery } from '../recognition/celebrity-gallery.js';
import { landmarkGallery } from '../recognition/landmark-gallery.js';
import { logoGallery } from '../recognition/logo-gallery.js';
import { matchCelebrity } from '../recognition/match-celebrity.js';
import { matchLandmarks } from '../recognition/match-landmarks.js';
import { matchLogos } from '../recognition/match-logos.js';
import { setWorkerLogSink } from './worker-log.js';
import type {
  LogMessage,
  RawImage,
  ReplyMessage,
  TaskKind,
  TaskMap,
  TaskMessage,
  WorkerConfig,
} from './protocol.js';

const { galleryDirs } = workerData as WorkerConfig;
setWorkerLogSink((level, msg, fields) =>
  parentPort!.postMessage({ log: { level, msg, ...(fields && { fields }) } } satisfies LogMessage),
);
type Handlers = { [K in TaskKind]: (input: TaskMap[K]['in']) => Promise<TaskMap[K]['out']> };

const blank = (side: number): RawImage => ({
  data: new Uint8Array(side * side * 3).fill(128),
  width: side,
  height: side,
});

const handlers: Handlers = {
  async faces({ image, recognize }) {
    const faces = await analyzeFaces(image, recognize);
    if (!recognize) return faces;
    const gallery = await celebrityGallery(galleryDirs);
    return faces.map(({ descriptor, ...face }) => {
      const celebrity = descriptor && matchCelebrity(descriptor, gallery);
      return celebrity ? { ...face, celebrity } : face;
    });
  },
  faceBoxes: ({ image }) => detectFaceBoxes(image),
  objects: ({ image }) => detectObjects(image, SUPPORT_MIN_CONFIDENCE),
  nsfw: ({ image }) => classifyNsfw(image),
  async landmarks({ image }) {
    const [cv, gallery] = await Promise.all([loadOpenCv(), landmarkGallery(galleryDirs)]);
    return matchLandmarks(cv, image, gallery);
  },
  async logos({ image }) {
    const [cv, gallery] = await Promise.all([loadOpenCv(), logoGallery(galleryDirs)]);
    return matchLogos(cv, image, gallery);
  },
  async warmup({ kinds }) {
    // A first inference compiles kernels: run each model once on a blank image.
    if (kinds.includes('faces')) await handlers.faces({ image: blank(64), recognize: true });
    if (kinds.includes('objects')) await detectObjects(blank(64));
    if (kinds.includes('nsfw')) await classifyNsfw(blank(64));
    if (kinds.includes('landmarks'))
      await handlers.landmarks({ image: { ...blank(64), data: new Uint8Array(64 * 64) } });
    if (kinds.includes('logos'))
      await handlers.logos({ image: { ...blank(64), data: new Uint8Array(64 * 64) } });
    return null;
  },
};

async function answer(msg: TaskMessage): Promise<ReplyMessage> {
  try {
    const run = handlers[msg.kind] as (input: unknown) => Promise<unknown>;
    return { id: msg.id, ok: true, output: await run(msg.input) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { id: msg.id, ok: false, error: { name: e.name, message: e.message } };
  }
}

// answer() turns every failure into a reply, so the chain has nothing left to reject with.
parentPort!.on('message', (msg: TaskMessage) => {
  answer(msg).then(
    (reply) => parentPort!.postMessage(reply),
    () => {},
  );
});
