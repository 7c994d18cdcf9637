import type { Dispatcher } from 'undici';
import type { HttpResponse } from './transport.js';

type Controller = Dispatcher.DispatchController;

/** The response body was larger than `maxResponseBytes`; reading stopped there. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  constructor(readonly limit: number) {
    super(`the response body is larger than ${limit} bytes`);
  }
}

/**
 * An undici dispatch handler that collects one whole response into a Buffer: chunks are kept
 * as they arrive, a declared or actual size over `limit` aborts the exchange (which frees the
 * connection), and `signal` aborts it too. Errors reach `reject` exactly as undici reports them
 * (timeouts, socket errors), or as the signal's reason when it fired.
 */
export class CollectResponse implements Dispatcher.DispatchHandler {
  #controller: Controller | undefined;
  #status = 0;
  #headers: HttpResponse['headers'] = {};
  #chunks: Buffer[] = [];
  #size = 0;
  #settled = false;
  readonly #onAbort: (() => void) | undefined;

  constructor(
    private readonly limit: number,
    private readonly signal: AbortSignal | undefined,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    if (signal) {
      this.#onAbort = () => this.#abort(signal.reason);
      signal.addEventListener('abort', this.#onAbort, { once: true });
    }
  }

  onRequestStart(controller: Controller): void {
    this.#controller = controller;
    if (this.signal?.aborted) controller.abort(this.signal.reason);
  }

  onResponseStart(
    controller: Controller,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    if (statusCode < 200) return; // 1xx: the real answer follows
    this.#status = statusCode;
    this.#headers = headers;
    const declared = headers['content-length'];
    const length = Number(Array.isArray(declared) ? declared[0] : declared);
    if (Number.isFinite(length) && length > this.limit)
      controller.abort(new ResponseTooLargeError(this.limit));
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    this.#size += chunk.length;
    if (this.#size > this.limit) {
      controller.abort(new ResponseTooLargeError(this.limit));
      return;
    }
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    const body =
      this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#size);
    this.#settle(() => this.resolve({ status: this.#status, headers: this.#headers, body }));
  }

  onResponseError(_controller: Controller, error: Error): void {
    this.#settle(() => this.reject(error));
  }

  #abort(reason: unknown): void {
    // Before the request started, onRequestStart aborts it; after, the controller does.
    this.#controller?.abort(reason instanceof Error ? reason : new Error(String(reason)));
  }

  #settle(finish: () => void): void {
    if (this.#settled) return;
    this.#settled = true;
    if (this.#onAbort) this.signal?.removeEventListener('abort', this.#onAbort);
    finish();
  }
}
