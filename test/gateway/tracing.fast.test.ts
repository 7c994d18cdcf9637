import { trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { tracingEnabled } from '@visiongraph/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountingProxy, type CountingProxy } from './helpers/counting-proxy.js';
import { startStack, stubEmulator, type Stack } from './helpers/stack.js';

// Traces as an application registering the OpenTelemetry SDK sees them: the gateway, schema and
// core use the API only, so the SDK registered here (in-memory exporter) records their spans.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let stack: Stack;
let proxy: CountingProxy;

beforeAll(async () => {
  let emulatorUrl = '';
  proxy = await startCountingProxy(() => emulatorUrl);
  stack = await startStack({ visionEndpoint: proxy.url }, stubEmulator());
  emulatorUrl = stack.emulatorUrl;
  // Registered after the gateway started, as an application that sets up tracing late does:
  // the gateway checks for an SDK per request, not once at start-up.
  expect(tracingEnabled()).toBe(false);
  provider.register();
  expect(tracingEnabled()).toBe(true);
});
afterAll(async () => {
  await stack?.close();
  await proxy?.close();
  await provider.shutdown();
  trace.disable();
});

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe('OpenTelemetry traces', () => {
  it('nests operation, loader batches, upstream attempts and the read poll sequence, and propagates the trace upstream', async () => {
    const query =
      'query Poster($u: URL!) { image(url: $u) { color { accentColor } text { text } } }';
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01`,
      },
      body: JSON.stringify({ query, variables: { u: stack.image('tjs-testocr.png') } }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    // The stub reads no lines; the spans are what this test is about.
    expect(body.data.image.text).toEqual({ text: '' });

    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === TRACE_ID);
    const named = (name: string) => spans.filter((s) => s.name === name);
    const one = (name: string): ReadableSpan => {
      expect(named(name), name).toHaveLength(1);
      return named(name)[0]!;
    };
    const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

    const operation = one('query Poster');
    expect(parentOf(operation)).toBe(CALLER_SPAN); // continues the caller's trace
    const analyzeBatch = one('dataloader analyze');
    const readBatch = one('dataloader read');
    expect(parentOf(analyzeBatch)).toBe(operation.spanContext().spanId);
    expect(parentOf(readBatch)).toBe(operation.spanContext().spanId);

    const analyze = one('POST analyze');
    expect(parentOf(analyze)).toBe(analyzeBatch.spanContext().spanId);
    expect(analyze.attributes).toMatchObject({
      'visiongraph.retry': 0,
      'http.response.status_code': 200,
    });
    expect(parentOf(one('POST read'))).toBe(readBatch.spanContext().spanId);
    const polling = one('read poll');
    expect(parentOf(polling)).toBe(readBatch.spanContext().spanId);
    const polls = named('GET readResult');
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls) expect(parentOf(poll)).toBe(polling.spanContext().spanId);

    // Upstream saw W3C trace context naming the attempt's own span.
    const sent = proxy.matching('/v3.2/analyze');
    expect(sent.at(-1)?.headers['traceparent']).toBe(
      `00-${TRACE_ID}-${analyze.spanContext().spanId}-01`,
    );
  });
});
