// The client's defences against a failing or hostile upstream: the circuit breaker, the bounded
// wait for a concurrency slot and the cap on response bytes. Time is a virtual clock throughout.
import { describe, expect, it, vi } from 'vitest';
import { createVisionClient, type VisionClientOptions } from '../src/index.js';
import { json, useLoopback } from './helpers/loopback-server.js';
import { recordingClock } from './helpers/recording-clock.js';

const KEY = 'resilience-key-0b7e';
const IMAGE = 'https://images.example/a.jpg';
const server = useLoopback();

function setup(extra: Partial<VisionClientOptions> = {}) {
  const { clock, sleeps } = recordingClock({ virtual: true });
  const client = createVisionClient({
    endpoint: server.url,
    key: KEY,
    clock,
    random: () => 0.5,
    retry: { maxRetries: 0 },
    ...extra,
  });
  return { client, clock, sleeps };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('circuit breaker', () => {
  it('opens after consecutive 5xx, fails fast without calling, then lets one probe close it', async () => {
    let healthy = false;
    server.handle((_req, res) =>
      healthy
        ? json(res, 200, { requestId: 'ok' })
        : json(res, 500, { error: { code: 'InternalServerError', message: 'boom' } }),
    );
    const { client, clock } = setup({ circuitBreaker: { failureThreshold: 3, openMs: 10_000 } });
    for (let i = 0; i < 3; i += 1)
      expect(await failure(client.tag(IMAGE))).toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(3);

    // Open: no request leaves; the error says when a probe may go (10 s + 0.5 * 20%).
    expect(await failure(client.tag(IMAGE))).toMatchObject({
      name: 'CircuitOpenError',
      kind: 'network',
      code: 'CircuitOpen',
      attempts: 0,
      retryAfterMs: 11_000,
    });
    expect(server.requests).toHaveLength(3);

    // Half-open after 11 s: the probe fails, so it opens again at once.
    await clock.sleep(11_000);
    expect(await failure(client.tag(IMAGE))).toMatchObject({ status: 500 });
    expect(await failure(client.tag(IMAGE))).toMatchObject({ code: 'CircuitOpen' });
    expect(server.requests).toHaveLength(4);

    // The next probe succeeds and closes it: calls flow again.
    healthy = true;
    await clock.sleep(11_000);
    expect(await client.tag(IMAGE)).toEqual({ requestId: 'ok' });
    expect(await client.tag(IMAGE)).toEqual({ requestId: 'ok' });
    expect(server.requests).toHaveLength(6);
    await client.close();
  });

  it('while its probe is out, tells other callers to come back in a second, not at once', async () => {
    let failing = true;
    let answerProbe: (() => void) | undefined;
    server.handle((_req, res) => {
      if (failing) return json(res, 500, { error: { code: 'InternalServerError', message: 'x' } });
      // The probe's answer waits until the test lets it go; later calls are answered at once.
      if (!answerProbe) answerProbe = () => json(res, 200, { requestId: 'probe' });
      else json(res, 200, { requestId: 'after' });
    });
    const { client, clock } = setup({ circuitBreaker: { failureThreshold: 1, openMs: 1_000 } });
    await failure(client.tag(IMAGE)); // opens
    failing = false;
    await clock.sleep(1_200);
    const probe = client.tag(IMAGE);
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    expect(await failure(client.tag(IMAGE))).toMatchObject({
      code: 'CircuitOpen',
      retryAfterMs: 1000,
    });
    answerProbe?.();
    expect(await probe).toEqual({ requestId: 'probe' });
    expect(await client.tag(IMAGE)).toEqual({ requestId: 'after' });
    await client.close();
  });

  it('counts connection failures, and a 4xx or 429 as proof the upstream is up', async () => {
    let answer = 500;
    server.handle((_req, res) =>
      json(res, answer, { error: { code: String(answer), message: 'x' } }),
    );
    const { client } = setup({ circuitBreaker: { failureThreshold: 2, openMs: 1_000 } });
    await failure(client.tag(IMAGE)); // 500: 1 failure
    answer = 400;
    await failure(client.tag(IMAGE)); // 400: resets the count
    answer = 500;
    await failure(client.tag(IMAGE)); // 500: 1 failure again, still closed
    answer = 429;
    await failure(client.tag(IMAGE));
    expect(server.requests).toHaveLength(4);

    const refused = createVisionClient({
      endpoint: 'http://127.0.0.1:1',
      key: KEY,
      retry: { maxRetries: 0 },
      circuitBreaker: { failureThreshold: 2 },
    });
    expect(await failure(refused.tag(IMAGE))).toMatchObject({ code: 'ECONNREFUSED' });
    expect(await failure(refused.tag(IMAGE))).toMatchObject({ code: 'ECONNREFUSED' });
    expect(await failure(refused.tag(IMAGE))).toMatchObject({ code: 'CircuitOpen' });
    expect(refused.stats().attempts).toBe(2);
    await Promise.all([client.close(), refused.close()]);
  });

  it('can be turned off', async () => {
    server.handle((_req, res) => json(res, 503, { error: { code: '503', message: 'x' } }));
    const { client } = setup({ circuitBreaker: false });
    for (let i = 0; i < 8; i += 1)
      expect(await failure(client.tag(IMAGE))).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(8);
    await client.close();
  });
});

describe('bounded wait for a concurrency slot', () => {
  it('fails fast with QueueFull once maxQueue calls are waiting', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    server.handle(async (_req, res) => {
      await held;
      json(res, 200, { requestId: 'ok' });
    });
    const { client } = setup({ maxConcurrency: 1, maxQueue: 1 });
    const first = client.tag(IMAGE);
    const second = client.tag(IMAGE);
    await new Promise((r) => setTimeout(r, 50));
    expect(await failure(client.tag(IMAGE))).toMatchObject({
      name: 'QueueFullError',
      kind: 'rate_limit',
      code: 'QueueFull',
      attempts: 0,
    });
    release();
    expect(await Promise.all([first, second])).toEqual([{ requestId: 'ok' }, { requestId: 'ok' }]);
    expect(server.requests).toHaveLength(2);
    await client.close();
  });
});

describe('response byte cap', () => {
  it('refuses a body over maxResponseBytes, declared or streamed, without retrying', async () => {
    let declared = true;
    server.handle((_req, res) => {
      const body = Buffer.from(JSON.stringify({ tags: 'x'.repeat(4_000) }));
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(declared ? { 'content-length': body.length } : {}),
      });
      res.end(body);
    });
    const { client } = setup({ maxResponseBytes: 1_024, retry: { maxRetries: 3 } });
    const expected = { name: 'UpstreamError', code: 'ResponseTooLarge', attempts: 1 };
    expect(await failure(client.tag(IMAGE))).toMatchObject(expected);
    declared = false; // chunked: counted while reading
    expect(await failure(client.tag(IMAGE))).toMatchObject(expected);
    expect(server.requests).toHaveLength(2);
    await client.close();
  });

  it('names the option when it is invalid', () => {
    expect(() =>
      createVisionClient({ endpoint: server.url, key: KEY, maxResponseBytes: 0 }),
    ).toThrow(/maxResponseBytes/);
    expect(() => createVisionClient({ endpoint: server.url, key: KEY, maxQueue: -1 })).toThrow(
      /maxQueue/,
    );
  });
});
