// Entry of the PP-OCR worker thread: onnxruntime-node runs a session synchronously on the calling
// thread, so the networks (and their JS pre- and post-processing) run here, off the HTTP thread.
import { parentPort } from 'node:worker_threads';
import { readPpOcrPage, type PpOcrJob, type PpOcrReply } from './ppocr-page-job.js';

parentPort!.on('message', async (msg: { id: number; job: PpOcrJob }) => {
  let reply: PpOcrReply;
  try {
    reply = { id: msg.id, ok: true, result: await readPpOcrPage(msg.job) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: msg.id, ok: false, error: { name: e.name, message: e.message } };
  }
  parentPort!.postMessage(reply);
});
