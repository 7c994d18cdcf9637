import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import { tracingEnabled } from './tracing-enabled.js';

// OpenTelemetry through its API only: without an SDK registered by the application every call
// here is a no-op, so the client costs nothing extra for those who do not trace.
const tracer = trace.getTracer('@visiongraph/core');

export interface AttemptSpan {
  /** The request headers plus the W3C `traceparent` (and `tracestate`) of this attempt. */
  headers(base: Record<string, string>): Record<string, string>;
  end(status: number | undefined, error?: { kind?: string; code?: string }): void;
}

const UNTRACED: AttemptSpan = { headers: (base) => base, end: () => undefined };

/** A client span per upstream attempt, child of whatever span is active (a loader batch, a poll). */
export function startAttemptSpan(operation: string, method: string, attempt: number): AttemptSpan {
  if (!tracingEnabled()) return UNTRACED;
  const span: Span = tracer.startSpan(`${method} ${operation}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'http.request.method': method,
      'visiongraph.operation': operation,
      'visiongraph.attempt': attempt,
      'visiongraph.retry': attempt - 1,
    },
  });
  return {
    headers(base) {
      if (!span.isRecording()) return base;
      const carrier: Record<string, string> = { ...base };
      propagation.inject(trace.setSpan(context.active(), span), carrier);
      return carrier;
    },
    end(status, error) {
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      if (error?.code) span.setAttribute('visiongraph.error.code', error.code);
      if (error || status === undefined || status >= 400)
        span.setStatus({ code: SpanStatusCode.ERROR, ...(error?.kind && { message: error.kind }) });
      span.end();
    },
  };
}

/** Runs `work` inside an active span named `name` (children attach to it), ending it after. */
export async function inSpan<T>(
  name: string,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
