import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether the standard OTEL_* variables ask for OTLP traces: `OTEL_TRACES_EXPORTER=otlp`, or an
 * OTLP endpoint set without naming another exporter. Off by default and with OTEL_SDK_DISABLED.
 */
export function tracingRequested(env: Env): boolean {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return false;
  const exporter = env['OTEL_TRACES_EXPORTER']?.trim().toLowerCase();
  if (exporter) return exporter.split(',').includes('otlp');
  return Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

/**
 * Registers an OpenTelemetry SDK exporting spans over OTLP/HTTP when the environment asks for it
 * (the exporter reads OTEL_EXPORTER_OTLP_* itself: endpoint, headers, timeout). Sets the W3C
 * trace-context propagator and the AsyncLocalStorage context manager. Returns the shutdown that
 * flushes pending spans, or undefined when tracing stays off.
 */
export function setupTracing(env: Env = process.env): (() => Promise<void>) | undefined {
  if (!tracingRequested(env)) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': env['OTEL_SERVICE_NAME']?.trim() || 'visiongraph-gateway',
    }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return () => provider.shutdown();
}
