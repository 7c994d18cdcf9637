// Worker thread that decodes BMP and opens, measures and renders PDF pages, so an embedding
// process (the gateway) keeps its event loop free while pdf.js and the BMP loops run.
import { parentPort } from 'node:worker_threads';
import { ImageLimitError } from '../types.js';
import { decodeBmp, type BmpHeader } from './decode-bmp.js';
import { inspectPdf, pdfPageSize, renderPdfPage } from './pdf-document.js';

export type DecodeCall =
  | { fn: 'decodeBmp'; args: [Uint8Array, BmpHeader] }
  | { fn: 'inspectPdf'; args: [Uint8Array, number] }
  | { fn: 'pdfPageSize'; args: [Uint8Array, number] }
  | { fn: 'renderPdfPage'; args: [Uint8Array, number, number] };

export interface DecodeReply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string; limit?: ImageLimitError['limit'] };
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function run(call: DecodeCall): Promise<unknown> | unknown {
  switch (call.fn) {
    case 'decodeBmp':
      return decodeBmp(asBuffer(call.args[0]), call.args[1]);
    case 'inspectPdf':
      return inspectPdf(asBuffer(call.args[0]), call.args[1]);
    case 'pdfPageSize':
      return pdfPageSize(asBuffer(call.args[0]), call.args[1]);
    case 'renderPdfPage':
      return renderPdfPage(asBuffer(call.args[0]), call.args[1], call.args[2]);
  }
}

parentPort?.on('message', (message: DecodeCall & { id: number }) => {
  // Every failure becomes a reply inside; the catch only keeps a failed postMessage from floating.
  (async () => {
    let reply: DecodeReply;
    const transfer: ArrayBuffer[] = [];
    try {
      const value = await run(message);
      const data = (value as { data?: unknown } | undefined)?.data;
      if (Buffer.isBuffer(data) && data.byteOffset === 0 && data.buffer.byteLength === data.length)
        transfer.push(data.buffer as ArrayBuffer);
      reply = { id: message.id, ok: true, value };
    } catch (err) {
      const e = err as Error;
      reply = {
        id: message.id,
        ok: false,
        error: {
          name: e?.name ?? 'Error',
          message: e?.message ?? String(err),
          ...(err instanceof ImageLimitError && { limit: err.limit }),
        },
      };
    }
    parentPort?.postMessage(reply, transfer);
  })().catch(() => {});
});
