// Entry of the PP-OCR worker thread: onnxruntime-node runs a session synchronously on the calling
// thread, so the networks (and their JS pre- and post-processing) run here, off the HTTP thread.
import { parentPort } from 'node:worker_threads';
import { readPpOcrPage, type PpOcrMessage, type PpOcrReply } from './ppocr-page-job.js';
import { releasePpOcrModels } from './ppocr-models.js';

const port = parentPort!;

async function answer(id: number, job: Parameters<typeof readPpOcrPage>[0]): Promise<PpOcrReply> {
  try {
    return { id, ok: true, result: await readPpOcrPage(job) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { id, ok: false, error: { name: e.name, message: e.message } };
  }
}

// Terminating a thread that still holds onnxruntime sessions aborts the whole process
// ("terminate called after throwing an instance of 'Napi::Error'"), so closing is a message:
// the page in hand finishes, the sessions are released, and the thread ends on its own.
async function shutDown(): Promise<void> {
  await releasePpOcrModels().catch(() => undefined);
  port.close();
}

// Messages are handled one after another; neither step rejects.
let previous: Promise<void> = Promise.resolve();
port.on('message', (msg: PpOcrMessage) => {
  previous = previous.then(() =>
    msg.type === 'close'
      ? shutDown()
      : answer(msg.id, msg.job).then((reply) => port.postMessage(reply)),
  );
});
