// Entry of the PP-OCR worker thread: onnxruntime-node runs a session synchronously on the calling
// thread, so the networks (and their JS pre- and post-processing) run here, off the HTTP thread.
import { parentPort } from 'node:worker_threads';
import { readPpOcrPage, type PpOcrJob, type PpOcrReply } from './ppocr-page-job.js';

async function answer(msg: { id: number; job: PpOcrJob }): Promise<PpOcrReply> {
  try {
    return { id: msg.id, ok: true, result: await readPpOcrPage(msg.job) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { id: msg.id, ok: false, error: { name: e.name, message: e.message } };
  }
}

// answer() never rejects: every failure becomes an { ok: false } reply.
parentPort!.on('message', (msg: { id: number; job: PpOcrJob }) => {
  answer(msg).then(
    (reply) => parentPort!.postMessage(reply),
    () => undefined,
  );
});
