import type { Dispatcher } from 'undici';
import { errorFromResponse } from '../errors/from-response.js';
import { redact } from '../errors/redact.js';
import { scrubError } from '../errors/scrub.js';
import { NetworkError, UpstreamError } from '../errors/error-classes.js';
import type { VisionError } from '../errors/vision-error.js';
import type { PreparedBody } from '../image-input.js';
import type { AttemptEvent } from '../options.js';
import type { ResolvedOptions } from '../resolve-options.js';
import { startAttemptSpan } from './attempt-span.js';
import { backoffDelay, retryAfterDelay } from './backoff.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { abortError, type Clock } from './clock.js';
import { classifyFailure } from './classify-failure.js';
import type { ConcurrencyLimiter } from './concurrency.js';
import type { RateLimiter } from './rate-limiter.js';
import { retryableFailure, retryableStatus, type ReplaySafety } from './retry-policy.js';
import { retryAfterFromHeaders } from './retry-after.js';
import { ResponseTooLargeError } from './collect-response.js';
import { send, type HttpResponse } from './transport.js';

/** Where an API lives below the endpoint: v3.2, or Image Analysis 4.0. */
export type ApiRoot = '/vision/v3.2' | '/computervision';

/** One logical upstream call; the executor may send it several times. */
export interface UpstreamRequest {
  operation: string;
  method: 'GET' | 'POST';
  /** Path below the API root, with its query string. */
  path: string;
  /** @default '/vision/v3.2' */
  apiRoot?: ApiRoot;
  body?: PreparedBody;
  safety: ReplaySafety;
  signal?: AbortSignal;
  /** Clock time after which no retry starts (the polling deadline of readAndWait). */
  deadline?: number;
}

export interface SuccessResponse extends HttpResponse {
  requestId?: string;
  retryAfterMs?: number;
}

export interface ExecutorDeps {
  options: ResolvedOptions;
  dispatcher: Dispatcher;
  clock: Clock;
  random: () => number;
  limiter?: RateLimiter;
  concurrency: ConcurrencyLimiter;
  /** Absent when the client's circuitBreaker option is false. */
  breaker?: CircuitBreaker;
  onAttempt?: (event: AttemptEvent) => void;
  stats: { attempts: number; retries: number };
  /** Set by close(); later calls fail at once instead of retrying against a closed pool. */
  closed: boolean;
}

const REQUEST_ID_HEADERS = ['apim-request-id', 'x-ms-request-id', 'request-id'];

function headerRequestId(headers: HttpResponse['headers']): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const v = headers[name];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) return s;
  }
  return undefined;
}

// Image Analysis 4.0 (Azure.Core) also names the error in a header; the body's innermost code
// is more specific, so the header only fills in when the body has none.
function errorCodeHeader(headers: HttpResponse['headers']): string | undefined {
  const v = headers['x-ms-error-code'];
  return (Array.isArray(v) ? v[0] : v) || undefined;
}

/** Observer of one caller's attempts, next to the client's own `onAttempt`. */
export type AttemptObserver = (event: AttemptEvent) => void;

/**
 * Sends a request with rate limiting, the concurrency cap, retries and attempt events (to the
 * client's `onAttempt` and to `observer`).
 */
export async function execute(
  deps: ExecutorDeps,
  req: UpstreamRequest,
  observer?: AttemptObserver,
): Promise<SuccessResponse> {
  const { options, clock } = deps;
  const signal = req.signal;
  const { retry, timeouts } = options;
  const started = clock.now();
  // No Accept header: generateThumbnail answers with image bytes, the rest with JSON.
  const headers = { 'ocp-apim-subscription-key': options.key };
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortError(signal, req.operation);
    if (deps.closed)
      throw new NetworkError(`${req.operation}: the client is closed`, {
        code: 'ClientClosed',
        operation: req.operation,
      });
    if (deps.limiter) await deps.limiter.acquire(signal);
    const release =
      deps.concurrency.tryAcquire() ?? (await deps.concurrency.acquire(signal, req.operation));
    try {
      deps.breaker?.admit(req.operation);
    } catch (err) {
      release();
      throw err;
    }
    const t0 = clock.now();
    const span = startAttemptSpan(req.operation, req.method, attempt);
    let error: VisionError | undefined;
    let status: number | undefined;
    let requestId: string | undefined;
    let retryable: boolean;
    let retryAfterMs: number | undefined;
    try {
      deps.stats.attempts++;
      const res = await send(
        {
          method: req.method,
          origin: options.endpointOrigin,
          path: options.endpointPath + (req.apiRoot ?? '/vision/v3.2') + req.path,
          headers: span.headers(headers),
          ...(req.body && { body: req.body }),
        },
        {
          dispatcher: deps.dispatcher,
          headersMs: timeouts.headersMs,
          bodyMs: timeouts.bodyMs,
          maxResponseBytes: options.maxResponseBytes,
        },
        signal,
      );
      status = res.status;
      // 5xx says the upstream is failing; any other answer says it is up.
      if (status >= 500) deps.breaker?.failed();
      else deps.breaker?.succeeded();
      requestId = headerRequestId(res.headers);
      retryAfterMs = retryAfterFromHeaders(res.headers, Date.now());
      if (status >= 200 && status < 300) {
        if (deps.onAttempt || observer)
          emit(deps, observer, {
            ...base(req, attempt, clock.now() - t0),
            status,
            ...(requestId && { requestId }),
            willRetry: false,
          });
        return {
          ...res,
          ...(requestId && { requestId }),
          ...(retryAfterMs !== undefined && { retryAfterMs }),
        };
      }
      error = errorFromResponse(
        {
          status,
          bodyText: res.body.toString('utf8'),
          ...(errorCodeHeader(res.headers) && { headerCode: errorCodeHeader(res.headers) }),
          operation: req.operation,
          ...(requestId && { requestId }),
          ...(retryAfterMs !== undefined && { retryAfterMs }),
        },
        options.key,
      );
      requestId = error.requestId;
      retryable = retryableStatus(status, req.safety);
    } catch (err) {
      if (err instanceof ResponseTooLargeError) {
        deps.breaker?.succeeded(); // it answered; the answer is the problem
        throw withAttempts(
          new UpstreamError(`${req.operation}: ${err.message}`, {
            code: 'ResponseTooLarge',
            operation: req.operation,
          }),
          attempt,
        );
      }
      if (signal?.aborted) {
        deps.breaker?.inconclusive();
        const aborted = abortError(signal, req.operation);
        emit(deps, observer, {
          ...base(req, attempt, clock.now() - t0),
          error: aborted,
          willRetry: false,
        });
        throw aborted;
      }
      const failure = classifyFailure(err, req.operation, options.key);
      error = failure.error;
      if (error.kind === 'network' || error.kind === 'timeout') deps.breaker?.failed();
      else deps.breaker?.inconclusive();
      retryable =
        error.kind !== 'invalid_input' && retryableFailure(failure.beforeSend, req.safety);
    } finally {
      release();
      span.end(status, error);
    }
    // Honour Retry-After (plus jitter); otherwise back off. Give up when either cap would be passed.
    const delayMs =
      retryAfterMs !== undefined
        ? retryAfterDelay(retryAfterMs, retry, deps.random)
        : backoffDelay(attempt, retry, deps.random);
    const resumeAt = clock.now() + delayMs;
    const withinBudget =
      attempt <= retry.maxRetries &&
      resumeAt - started <= retry.maxElapsedMs &&
      resumeAt <= (req.deadline ?? Infinity);
    const willRetry = retryable && withinBudget;
    emit(deps, observer, {
      ...base(req, attempt, clock.now() - t0),
      ...(status !== undefined && { status }),
      ...(requestId && { requestId }),
      error,
      willRetry,
      ...(willRetry && { delayMs }),
    });
    if (!willRetry) throw withAttempts(error, attempt);
    deps.stats.retries++;
    await clock.sleep(delayMs, signal).catch(() => {
      throw abortError(signal, req.operation);
    });
  }
}

function base(
  req: UpstreamRequest,
  attempt: number,
  durationMs: number,
): Omit<AttemptEvent, 'willRetry'> {
  return {
    operation: req.operation,
    method: req.method,
    path: `${req.apiRoot ?? '/vision/v3.2'}${req.path}`,
    attempt,
    durationMs,
  };
}

function emit(
  deps: ExecutorDeps,
  observer: AttemptObserver | undefined,
  event: AttemptEvent,
): void {
  if (!deps.onAttempt && !observer) return;
  const key = deps.options.key;
  const safe = {
    ...event,
    path: redact(event.path, key),
    ...(event.error && { error: scrubError(event.error, key) }),
  };
  // An observer must never break the call it observes.
  try {
    deps.onAttempt?.(safe);
  } catch {}
  try {
    observer?.(safe);
  } catch {}
}

function withAttempts(error: VisionError, attempts: number): VisionError {
  (error as { attempts?: number }).attempts = attempts;
  return error;
}

/** Parses a 2xx JSON body, or throws UpstreamError `InvalidResponse`. */
export function parseJson<T>(res: SuccessResponse, operation: string): T {
  try {
    return JSON.parse(res.body.toString('utf8')) as T;
  } catch {
    throw new UpstreamError(
      `${operation}: the service answered ${res.status} with a body that is not JSON`,
      {
        code: 'InvalidResponse',
        status: res.status,
        operation,
        ...(res.requestId && { requestId: res.requestId }),
      },
    );
  }
}
