// The main-thread side of the PP-OCR worker: one worker for the process, started on first use,
// jobs sent one at a time from a bounded queue (a queued job whose caller gave up is dropped).
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../../pool/worker-url.js';
import { BackendBusyError } from '../../types.js';
import type { PpOcrJob, PpOcrMessage, PpOcrReply, PpOcrResult } from './ppocr-page-job.js';

/** Pages that may wait for the PP-OCR worker; past this, reads are refused (busy), not queued. */
export const MAX_QUEUED_PAGES = 32;
/** How long close() lets the page in hand finish before it terminates the thread anyway. */
const CLOSE_GRACE_MS = 30_000;

interface Pending {
  id: number;
  job: PpOcrJob;
  signal?: AbortSignal;
  resolve(r: PpOcrResult): void;
  reject(e: Error): void;
}

let worker: Worker | undefined;
let nextId = 1;
let running: Pending | undefined;
const queue: Pending[] = [];

function ensureWorker(): Worker {
  if (worker) return worker;
  const { entry, eval: evaluate } = workerEntry(new URL('./ppocr-worker.js', import.meta.url));
  const w = new Worker(entry, { eval: evaluate });
  w.on('message', (reply: PpOcrReply) => {
    const job = running;
    running = undefined;
    if (job && job.id === reply.id) {
      if (reply.ok) job.resolve(reply.result);
      else job.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    }
    pump();
  });
  w.on('error', (err) => {
    // A crashed worker fails its job; the next job starts a new one.
    running?.reject(err);
    running = undefined;
    worker = undefined;
    pump();
  });
  worker = w;
  return w;
}

function pump(): void {
  if (running) return;
  const next = queue.shift();
  if (!next) return void worker?.unref(); // an idle worker must not keep the process alive
  const w = ensureWorker();
  w.ref();
  running = next;
  w.postMessage({ type: 'page', id: next.id, job: next.job } satisfies PpOcrMessage);
}

/** Runs one page on the PP-OCR worker. */
export function runPpOcrPage(job: PpOcrJob, signal?: AbortSignal): Promise<PpOcrResult> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    if (queue.length >= MAX_QUEUED_PAGES)
      return reject(new BackendBusyError('PP-OCR page queue', MAX_QUEUED_PAGES));
    const pending: Pending = { id: nextId++, job, signal, resolve, reject };
    signal?.addEventListener(
      'abort',
      () => {
        const i = queue.indexOf(pending);
        if (i >= 0) queue.splice(i, 1), reject(signal.reason);
      },
      { once: true },
    );
    queue.push(pending);
    pump();
  });
}

/**
 * Stops the worker: queued pages fail at once; the thread finishes the page in hand, releases its
 * sessions and exits (terminating it with live sessions can abort the process).
 */
export async function closePpOcrThread(): Promise<void> {
  const w = worker;
  worker = undefined;
  const closing = new Error('the text reader is closed');
  for (const p of queue.splice(0)) p.reject(closing);
  running?.reject(closing);
  running = undefined;
  if (!w) return;
  w.ref();
  const exited = once(w, 'exit');
  w.postMessage({ type: 'close' } satisfies PpOcrMessage);
  const fallback = setTimeout(() => {
    w.terminate().catch(() => undefined);
  }, CLOSE_GRACE_MS);
  await exited.catch(() => undefined).finally(() => clearTimeout(fallback));
}
