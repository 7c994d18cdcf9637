import type { AttemptEvent } from '@visiongraph/core';
import type { LogLevel, Logger } from './logger.js';
import { upstreamTotal, type RequestScope } from './request-scope.js';

// Probes and static files would drown the GraphQL lines at info level.
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

export interface RequestLine {
  method: string;
  path: string;
  status: number;
  /** True when the client went away before the response finished. */
  aborted?: boolean;
}

/** Writes the one line per request: operation, status, duration, upstream calls, error codes. */
export function logRequest(logger: Logger, scope: RequestScope, line: RequestLine): void {
  const isGraphql =
    scope.operationName !== undefined ||
    scope.operationType !== undefined ||
    line.path === '/graphql';
  const level: Exclude<LogLevel, 'silent'> =
    QUIET_PATHS.has(line.path) || !isGraphql ? 'debug' : 'info';
  logger[level]('request', {
    method: line.method,
    path: line.path,
    status: line.status,
    ...(line.aborted ? { aborted: true } : {}),
    durationMs: round(performance.now() - scope.startedAt),
    ...(isGraphql
      ? { operationName: scope.operationName ?? null, operationType: scope.operationType ?? null }
      : {}),
    upstreamCalls: upstreamTotal(scope),
    ...(upstreamTotal(scope) > 0
      ? { upstream: scope.upstream, upstreamMs: round(scope.upstreamMs) }
      : {}),
    ...(scope.errorCodes.length > 0 ? { errorCodes: scope.errorCodes } : {}),
    ...(scope.transactions ? transactionFields(scope.transactions()) : {}),
  });
}

/**
 * Core's `onAttempt`: logs the attempt at debug. Each request counts its own attempts through
 * `client.withAttemptObserver` (see create-gateway.ts).
 */
export function createAttemptLogger(logger: Logger): (event: AttemptEvent) => void {
  return (event) => {
    logger.debug('upstream attempt', {
      operation: event.operation,
      method: event.method,
      path: event.path,
      attempt: event.attempt,
      status: event.status ?? null,
      durationMs: round(event.durationMs),
      requestId: event.requestId ?? null,
      willRetry: event.willRetry,
      ...(event.error ? { errorCode: event.error.code, errorKind: event.error.kind } : {}),
    });
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function transactionFields(t: { bound: number; spent: number; saved: number }) {
  return { transactionsBound: t.bound, transactionsSpent: t.spent, transactionsSaved: t.saved };
}
