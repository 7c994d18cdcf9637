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
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body };
}
