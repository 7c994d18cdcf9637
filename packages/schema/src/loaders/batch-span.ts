import { SpanStatusCode, trace } from '@opentelemetry/api';
import { tracingEnabled } from '@visiongraph/core';

// Through the OpenTelemetry API only: a no-op unless the application registered an SDK.
const tracer = trace.getTracer('@visiongraph/schema');

/**
 * Runs one DataLoader batch inside a span, so the upstream calls it makes (and the cache work)
 * show up as its children in a trace.
 */
export function inBatchSpan<T>(loader: string, size: number, work: () => Promise<T>): Promise<T> {
  if (!tracingEnabled()) return work();
  return tracer.startActiveSpan(
    `dataloader ${loader}`,
    { attributes: { 'visiongraph.loader': loader, 'visiongraph.batch.size': size } },
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
