// The caller's side of decode-worker.ts: one worker thread, started on the first BMP or PDF and
// let go (unref'd) while idle, with typed wrappers for each call. Errors come back as the same
// ImageDecodeError / ImageLimitError classes the in-thread functions throw.
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../pool/worker-url.js';
import { ImageDecodeError, ImageLimitError } from '../types.js';
import type { BmpHeader, RawPixels } from './decode-bmp.js';
import type { DecodeCall, DecodeReply } from './decode-worker.js';
import type { PdfPageSize } from './pdf-document.js';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function revive(error: NonNullable<DecodeReply['error']>): Error {
  if (error.name === 'ImageLimitError' && error.limit) return new ImageLimitError(error.limit);
  if (error.name === 'ImageDecodeError') return new ImageDecodeError(error.message);
  const other = new Error(error.message);
  other.name = error.name;
  return other;
}

function start(): Worker {
  const { entry, eval: evaluate } = workerEntry(new URL('./decode-worker.js', import.meta.url));
  const w = new Worker(entry, { eval: evaluate });
  w.on('message', (reply: DecodeReply) => {
    const call = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) w.unref(); // an idle worker must not keep the process alive
    if (!call) return;
    if (reply.ok) call.resolve(reply.value);
    else call.reject(revive(reply.error ?? { name: 'Error', message: 'decode failed' }));
  });
  const fail = (err: Error): void => {
    if (worker !== w) return;
    worker = undefined;
    for (const call of pending.values()) call.reject(new ImageDecodeError(err.message));
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`decode worker exited with code ${code}`)));
  return w;
}

function call<T>(message: DecodeCall): Promise<T> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  w.ref();
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    // The bytes are copied: the caller keeps using its buffer.
    w.postMessage({ id, ...message });
  });
}

const toBuffer = <T extends { data: Uint8Array }>(px: T): T & { data: Buffer } => ({
  ...px,
  data: Buffer.from(px.data.buffer, px.data.byteOffset, px.data.byteLength),
});

export async function decodeBmpOffThread(bytes: Buffer, header: BmpHeader): Promise<RawPixels> {
  return toBuffer(await call<RawPixels>({ fn: 'decodeBmp', args: [bytes, header] }));
}

export function inspectPdfOffThread(
  bytes: Buffer,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<{ pages: number; first: PdfPageSize }> {
  return call({ fn: 'inspectPdf', args: [bytes, maxPages] });
}

export function pdfPageSizeOffThread(bytes: Buffer, page: number): Promise<PdfPageSize> {
  return call({ fn: 'pdfPageSize', args: [bytes, page] });
}

export async function renderPdfPageOffThread(
  bytes: Buffer,
  page: number,
  scale: number,
): Promise<RawPixels & { scale: number }> {
  return toBuffer(
    await call<RawPixels & { scale: number }>({ fn: 'renderPdfPage', args: [bytes, page, scale] }),
  );
}
