// When the upstream pauses the gateway (its circuit breaker open, or Azure's 429 with
// Retry-After), the client is told when to come back: `extensions.retryAfterMs` on the error and
// a standard `Retry-After` header (whole seconds, rounded up) on the HTTP response.
import { startGateway, type RunningGateway } from '@visiongraph/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstream, UPSTREAM_KEY, type Upstream } from '../harness/upstream.js';
import type { GraphQLResult } from './helpers/stack.js';

/** The breaker's open time in this gateway; core adds up to 20 % so replicas do not probe together. */
const OPEN_MS = 8_000;
const MAX_OPEN_MS = OPEN_MS * 1.2;
const ANALYZE = /\/vision\/v3\.2\/analyze/;
/** A site allowed by GATEWAY_CORS_ORIGINS: its pages must be able to read the header too. */
const APP_ORIGIN = 'https://app.example';

let upstream: Upstream;
let gateway: RunningGateway;

beforeAll(async () => {
  upstream = await startUpstream();
  gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    visionEndpoint: upstream.proxy.url,
    visionKey: UPSTREAM_KEY,
    cache: false,
    logLevel: 'silent',
    corsOrigins: [APP_ORIGIN],
    vision: {
      // One failed attempt opens the circuit, and no retry hides the upstream's answer.
      retry: { maxRetries: 0 },
      circuitBreaker: { failureThreshold: 1, openMs: OPEN_MS },
    },
  });
});
afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function askForCaption(): Promise<{ response: Response; body: GraphQLResult }> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
    body: JSON.stringify({
      query: `{ image(url: "${gateway.url}/examples/csdf-dog.jpg") { caption { text } } }`,
    }),
  });
  return { response, body: (await response.json()) as GraphQLResult };
}

// In order: the 429 answer leaves the circuit closed (it proves the upstream is up); then the
// upstream fails with 503 and the circuit opens.
describe('Retry-After', { timeout: 60_000 }, () => {
  it("passes Azure's 429 Retry-After on: extensions.retryAfterMs and the header", async () => {
    upstream.proxy.configure(
      [{ path: ANALYZE, ratio: 1, fault: { kind: 'status', status: 429, retryAfter: '7' } }],
      1,
    );
    const { response, body } = await askForCaption();
    expect(response.status).toBe(200);
    expect(body.data).toEqual({ image: { caption: null } });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstreamStatus: 429,
      retryAfterMs: 7_000,
    });
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('access-control-expose-headers')).toBe('retry-after');
    expect(upstream.proxy.stats.injected).toEqual({ 'status 429': 1 });
  });

  it('sends no Retry-After when no error says when to come back', async () => {
    upstream.proxy.configure(
      [{ path: ANALYZE, ratio: 1, fault: { kind: 'status', status: 503 } }],
      1,
    );
    const { response, body } = await askForCaption();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstreamStatus: 503,
    });
    expect(body.errors?.[0]?.extensions).not.toHaveProperty('retryAfterMs');
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('says how long the open circuit stays open, without calling the upstream', async () => {
    const { response, body } = await askForCaption();
    expect(upstream.proxy.stats.requests).toBe(1); // only the 503 of the test before
    expect(body.data).toEqual({ image: { caption: null } });
    expect(body.errors).toHaveLength(1);
    const extensions = body.errors?.[0]?.extensions ?? {};
    expect(extensions['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(extensions['upstreamCode']).toBe('CircuitOpen');
    const retryAfterMs = extensions['retryAfterMs'] as number;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(MAX_OPEN_MS);
    expect(response.headers.get('retry-after')).toBe(String(Math.ceil(retryAfterMs / 1_000)));
    // Nothing else about the pause leaks: the error has these fields and no others.
    expect(Object.keys(extensions).sort()).toEqual(['code', 'retryAfterMs', 'upstreamCode']);
  });
});
