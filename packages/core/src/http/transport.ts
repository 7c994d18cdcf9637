import type { Dispatcher } from 'undici';
import type { PreparedBody } from '../image-input.js';
import { CollectResponse } from './collect-response.js';

/** A complete HTTP answer (the body is read fully, under the body timeout). */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Scheme, host and port, as undici's dispatcher takes them. */
  origin: string;
  /** Path and query string. */
  path: string;
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

/**
 * Sends one attempt. Rejects with undici's error untouched; classify-failure.ts interprets it.
 * The body is collected straight from the dispatcher's callbacks (see collect-response.ts):
 * undici's `request()` would wrap it in a stream read back through an async iterator.
 */
export function send(
  req: HttpRequest,
  settings: TransportSettings,
  signal?: AbortSignal,
): Promise<HttpResponse> {
  const headers = req.body ? { ...req.headers, 'content-type': req.body.contentType } : req.headers;
  return new Promise((resolve, reject) => {
    const handler = new CollectResponse(settings.maxResponseBytes, signal, resolve, reject);
    settings.dispatcher.dispatch(
      {
        origin: req.origin,
        path: req.path,
        method: req.method,
        headers,
        body: req.body?.data ?? null,
        headersTimeout: settings.headersMs,
        bodyTimeout: settings.bodyMs,
      },
      handler,
    );
  });
}
