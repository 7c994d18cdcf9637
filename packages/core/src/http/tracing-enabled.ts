import { ProxyTracerProvider, trace } from '@opentelemetry/api';

// The API's no-op provider, which the global proxy delegates to until an SDK registers one.
const NOOP_PROVIDER = new ProxyTracerProvider().getDelegate();

/**
 * Whether an OpenTelemetry SDK is registered. Without one every span is a no-op, so callers skip
 * building spans, attributes and contexts at all: per request that was ~2% of the gateway's CPU.
 * A provider registered through another copy of the API package counts as enabled.
 */
export function tracingEnabled(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegate() !== NOOP_PROVIDER;
}
