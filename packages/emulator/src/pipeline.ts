// The request pipeline, in order. Every response, success or error, leaves through `send` with
// the request id headers set in step 1.
//
//   1. request id      apim-request-id + x-ms-request-id on every response
//   2. route           case-insensitive path match; unknown path -> 404 (APIM body)
//   3. onRequest       the caller's hook sees every matched call (upstream call counting)
//   4. auth            Ocp-Apim-Subscription-Key -> 401 (APIM body)
//   5. rate limit      token bucket -> 429 + Retry-After (APIM body), off by default
//   6. handler         parameters, body, image, backend, wire JSON (routes/v3, routes/v1)
//   7. errors          AzureError -> the version's envelope; anything else -> 500, logged
//                      with the request id, never a stack or the key in the response
//   8. latency         optional hold-back of every answer (latencyMs), like a remote region
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VisionBackend } from './analysis/types.js';
import { AzureErrors } from './errors/azure-error-factory.js';
import { AzureError } from './errors/azure-error.js';
import { errorCodeHeader, renderError, type ErrorFormat } from './errors/render-error.js';
import { checkKey } from './http/auth.js';
import { parseQuery } from './http/query.js';
import { createRateLimiter } from './http/rate-limiter.js';
import { assignRequestId } from './http/request-id.js';
import { send, type Reply } from './http/respond.js';
import { createRouter } from './http/router.js';
import type { ResolvedOptions } from './options.js';
import type { OperationStore } from './read/operation-store.js';
import { routes } from './routes/index.js';

export interface PipelineDeps {
  options: ResolvedOptions;
  backend: VisionBackend;
  operations: OperationStore;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Retry-After sent when a work queue is full: about one analysis later. */
const BUSY_RETRY_AFTER_SECONDS = 1;

export function createPipeline({ options, backend, operations }: PipelineDeps): Handler {
  const match = createRouter(routes);
  const limiter = createRateLimiter(options.rateLimit);

  const reply = (req: IncomingMessage, res: ServerResponse, answer: Reply): void => {
    // An answer given before the body was read (401, 415, too large) closes the connection
    // rather than draining a body that may be huge or never come.
    if (!req.complete) res.setHeader('Connection', 'close');
    send(res, answer);
  };
  const { latencyMs } = options;
  const finish =
    latencyMs === 0
      ? reply
      : (req: IncomingMessage, res: ServerResponse, answer: Reply): void => {
          setTimeout(reply, latencyMs, req, res, answer);
        };

  return (req, res) => {
    const requestId = assignRequestId(res);
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    let format: ErrorFormat = 'v3';
    const run = async (): Promise<Reply> => {
      const url = new URL(req.url ?? '/', 'http://emulator.invalid');
      const found = match(req.method ?? 'GET', url.pathname);
      if (!found) throw AzureErrors.resourceNotFound();
      const { route, params } = found;
      format = route.errorFormat;
      const query = parseQuery(url.searchParams);
      options.onRequest?.({
        method: route.method,
        path: url.pathname,
        version: route.version,
        operation: route.operation,
        query: query.raw,
      });
      checkKey(req, options.key);
      limiter.take();
      const host = req.headers.host ?? `${options.host}:${options.port}`;
      return route.handle({
        req,
        query,
        params,
        requestId,
        signal: abort.signal,
        backend,
        options,
        operations,
        baseUrl: `http://${host}`,
      });
    };
    run().then(
      (reply) => finish(req, res, reply),
      (err: unknown) => {
        if (abort.signal.aborted) return; // the client is gone; nobody to answer
        let azure: AzureError;
        if (err instanceof AzureError) {
          azure = err;
        } else if ((err as Error)?.name === 'BackendBusyError') {
          // A full work queue: Azure's answer to a busy service is 429 with Retry-After.
          azure = AzureErrors.rateLimited(BUSY_RETRY_AFTER_SECONDS);
        } else {
          options.logger.error('request failed inside the emulator', {
            requestId,
            error: err instanceof Error ? err.message : String(err),
          });
          azure = AzureErrors.internal();
        }
        finish(req, res, {
          kind: 'json',
          status: azure.status,
          body: renderError(azure, format, requestId),
          headers: { ...azure.headers, ...errorCodeHeader(azure, format) },
        });
      },
    );
  };
}
