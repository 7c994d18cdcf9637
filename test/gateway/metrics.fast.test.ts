import parsePrometheusTextFormat, { type PromFamily } from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { stubEmulator, useStack } from './helpers/stack.js';

// /metrics read by a real Prometheus text parser after known queries: the counters must say
// what happened, and no label may carry request text.
const stack = useStack({}, stubEmulator());

async function scrape(): Promise<PromFamily[]> {
  const response = await fetch(`${stack.gateway.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusTextFormat(await response.text());
}

/** The value of the sample of `name` whose labels include `labels` (0 when absent). */
function valueOf(
  families: PromFamily[],
  name: string,
  labels: Record<string, string> = {},
): number {
  const family = families.find((f) => f.name === name);
  const sample = family?.metrics.find((m) =>
    Object.entries(labels).every(([k, v]) => m.labels?.[k] === v),
  );
  return Number(sample?.value ?? sample?.count ?? 0);
}

describe('GET /metrics', () => {
  it('counts requests, upstream calls, transactions and cache hits as they happened', async () => {
    const url = stack.image('csdf-dog.jpg');
    const query =
      'query Dog($u: URL!) { image(url: $u) { color { accentColor } imageType { clipArtType } } }';
    const before = await scrape();

    const first = await stack.gqlWithCalls(query, { u: url });
    expect(first.body.errors).toBeUndefined();
    expect(first.calls.map((c) => c.operation)).toEqual(['analyze']);
    const second = await stack.gqlWithCalls(query, { u: url });
    expect(second.calls).toEqual([]);
    const refused = await stack.gql('{ image(url: "x") { nope } }');
    expect(refused.status).toBe(400);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);

    const ok = { type: 'query', root: 'image', outcome: 'ok' };
    expect(delta('visiongraph_graphql_requests_total', ok)).toBe(2);
    expect(delta('visiongraph_graphql_requests_total', { outcome: 'rejected' })).toBe(1);
    // (This parser folds labelled histograms into their buckets, so only the type is checked.)
    expect(after.find((f) => f.name === 'visiongraph_graphql_request_duration_seconds')?.type).toBe(
      'HISTOGRAM',
    );
    expect(
      delta('visiongraph_upstream_attempts_total', { operation: 'analyze', status: '200' }),
    ).toBe(1);
    // One analyze for color + image type bills two transactions; the repeat saved both.
    expect(delta('visiongraph_transactions_spent_total', { operation: 'analyze' })).toBe(2);
    expect(delta('visiongraph_transactions_saved_total', { feature: 'Color' })).toBe(1);
    expect(delta('visiongraph_transactions_saved_total', { feature: 'ImageType' })).toBe(1);
    expect(delta('visiongraph_cache_lookups_total', { feature: 'Color', result: 'fetched' })).toBe(
      1,
    );
    expect(delta('visiongraph_cache_lookups_total', { feature: 'Color', result: 'hit' })).toBe(1);
    expect(valueOf(after, 'visiongraph_upstream_circuit_state', { state: 'closed' })).toBe(1);
    expect(valueOf(after, 'visiongraph_upstream_in_flight', { state: 'sending' })).toBe(0);
    expect(valueOf(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    // Bounded labels: nothing from the request (URL, image name) appears in any label.
    const labelValues = after.flatMap((f) =>
      f.metrics.flatMap((m) => Object.values(m.labels ?? {})),
    );
    expect(labelValues.filter((v) => v.includes('csdf') || v.includes('http'))).toEqual([]);
  });

  it('is not logged as a request line and can be turned off', async () => {
    const lines = stack.logs.filter((l) => l['path'] === '/metrics');
    expect(lines.every((l) => l['msg'] === 'request')).toBe(true);
    const { startGateway } = await import('@visiongraph/gateway');
    const off = await startGateway({
      port: 0,
      host: '127.0.0.1',
      visionEndpoint: stack.emulatorUrl,
      visionKey: 'k',
      metrics: false,
      logLevel: 'silent',
    });
    try {
      const response = await fetch(`${off.url}/metrics`);
      expect(response.headers.get('content-type') ?? '').not.toMatch(/version=0\.0\.4/);
    } finally {
      await off.close();
    }
  });
});
