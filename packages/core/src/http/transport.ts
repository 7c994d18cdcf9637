import type { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import type { PreparedBody } from '../image-input.js';

/** A complete HTTP answer (the body is read fully, under the body timeout). */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: PreparedBody;
}

export interface TransportSettings {
  dispatcher: Dispatcher;
  headersMs: number;
  bodyMs: number;
  /** Larger bodies are not read: the attempt fails with ResponseTooLargeError. */
  maxResponseBytes: number;
}

/** The response body was larger than `maxResponseBytes`; reading stopped there. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  constructor(readonly limit: number) {
    super(`the response body is larger than ${limit} bytes`);
  }
}

async function readCapped(
  body: Readable,
  declared: string | string[] | undefined,
  limit: number,
): Promise<Buffer> {
  const length = Number(Array.isArray(declared) ? declared[0] : declared);
  if (Number.isFinite(length) && length > limit) {
    body.on('error', () => undefined); // undici reports its own destroy as an error
    body.destroy();
    throw new ResponseTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  // Leaving the loop early (the throw) destroys the stream and frees the connection.
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) throw new ResponseTooLargeError(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** Sends one attempt. Rejects with undici's error untouched; classify-failure.ts interprets it. */
export async function send(
  req: HttpRequest,
  settings: TransportSettings,
  signal?: AbortSignal,
): Promise<HttpResponse> {
  const headers = req.body ? { ...req.headers, 'content-type': req.body.contentType } : req.headers;
  const res = await request(req.url, {
    dispatcher: settings.dispatcher,
    method: req.method,
    headers,
    body: req.body?.data ?? null,
    headersTimeout: settings.headersMs,
    bodyTimeout: settings.bodyMs,
    ...(signal !== undefined && { signal }),
  });
  const body = await readCapped(res.body, res.headers['content-length'], settings.maxResponseBytes);
  return { status: res.statusCode, headers: res.headers, body };
}
