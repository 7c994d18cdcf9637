import { describe, expect, it } from 'vitest';
import { createVisionClient, type AttemptEvent, type VisionClientOptions } from '../src/index.js';
import { json, useLoopback } from './helpers/loopback-server.js';
import { recordingClock } from './helpers/recording-clock.js';
import { refusedPort } from './helpers/refused-port.js';

const KEY = 'retry-key-5f1c';
const IMAGE = 'https://images.example/a.jpg';
const server = useLoopback();

function setup(extra: Partial<VisionClientOptions> = {}) {
  const { clock, sleeps } = recordingClock();
  const events: AttemptEvent[] = [];
  const client = createVisionClient({
    endpoint: server.url,
    key: KEY,
    clock,
    random: () => 0.5,
    onAttempt: (e) => events.push(e),
    ...extra,
  });
  return { client, sleeps, events };
}

/** Answers the first `failures.length` requests with the given statuses, then 200. */
function failThenSucceed(failures: Array<{ status: number; headers?: Record<string, string> }>) {
  let n = 0;
  server.handle((_req, res) => {
    const f = failures[n++];
    if (f)
      json(res, f.status, { error: { code: String(f.status), message: 'try later' } }, f.headers);
    else json(res, 200, { requestId: 'ok' });
  });
}

describe('retries', () => {
  it('honours Retry-After in seconds, plus a random spread', async () => {
    failThenSucceed([
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 429, headers: { 'retry-after': '0.25' } },
    ]);
    const { client, sleeps, events } = setup();
    expect(await client.tag(IMAGE)).toEqual({ requestId: 'ok' });
    // random() = 0.5 of the spread max(baseDelayMs 500, 20% of Retry-After).
    expect(sleeps).toEqual([2250, 500]);
    expect(server.requests).toHaveLength(3);
    expect(events.map((e) => [e.attempt, e.status, e.willRetry, e.delayMs])).toEqual([
      [1, 429, true, 2250],
      [2, 429, true, 500],
      [3, 200, false, undefined],
    ]);
    await client.close();
  });

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    failThenSucceed([{ status: 503, headers: { 'retry-after': at } }]);
    const { client, sleeps } = setup();
    await client.tag(IMAGE);
    expect(sleeps).toHaveLength(1);
    // HTTP dates have 1 s resolution, so the date is 4 to 5 s away; random() = 0.5 adds half
    // of the spread max(500, 20% of the wait), about 500 ms.
    expect(sleeps[0]).toBeGreaterThan(4_300);
    expect(sleeps[0]).toBeLessThanOrEqual(5_500);
    await client.close();
  });

  it('backs off exponentially with full jitter when there is no Retry-After', async () => {
    failThenSucceed([{ status: 500 }, { status: 502 }, { status: 504 }]);
    const { client, sleeps } = setup({ retry: { baseDelayMs: 100, maxDelayMs: 300 } });
    await client.tag(IMAGE);
    // random() = 0.5 of min(300, 100 * 2^(n-1)).
    expect(sleeps).toEqual([50, 100, 150]);
    await client.close();
  });

  it('gives up after maxRetries with RateLimitError carrying retryAfterMs', async () => {
    server.handle((_req, res) =>
      json(
        res,
        429,
        { error: { code: '429', message: 'Rate limit is exceeded.' } },
        { 'retry-after': '1' },
      ),
    );
    const { client, events } = setup({ retry: { maxRetries: 2 } });
    const err = await client.tag(IMAGE).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'RateLimitError',
      kind: 'rate_limit',
      status: 429,
      code: '429',
      retryAfterMs: 1000,
      attempts: 3,
    });
    expect(server.requests).toHaveLength(3);
    expect(events.at(-1)?.willRetry).toBe(false);
    await client.close();
  });

  it('gives up when the next wait would pass maxElapsedMs', async () => {
    server.handle((_req, res) =>
      json(
        res,
        503,
        { error: { code: 'ServiceUnavailable', message: 'busy' } },
        { 'retry-after': '30' },
      ),
    );
    const { client, sleeps } = setup({ retry: { maxRetries: 10, maxElapsedMs: 45_000 } });
    const err = await client.tag(IMAGE).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'UpstreamError',
      kind: 'upstream',
      status: 503,
      code: 'ServiceUnavailable',
      attempts: 2,
    });
    // 30 s plus half of its 6 s spread; the next retry would end past 45 s.
    expect(sleeps).toEqual([33_000]);
    await client.close();
  });

  it('does not retry a 400', async () => {
    server.handle((_req, res) =>
      json(res, 400, {
        error: {
          code: 'InvalidRequest',
          message: 'bad',
          innererror: { code: 'InvalidImageUrl', message: 'bad url' },
        },
      }),
    );
    const { client } = setup();
    await expect(client.tag(IMAGE)).rejects.toMatchObject({
      kind: 'invalid_input',
      code: 'InvalidImageUrl',
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
    await client.close();
  });

  it('retries connection refused and reports NetworkError', async () => {
    const port = await refusedPort();
    const { clock, sleeps } = recordingClock();
    const client = createVisionClient({
      endpoint: `http://127.0.0.1:${port}`,
      key: KEY,
      clock,
      retry: { maxRetries: 2 },
    });
    await expect(client.read(IMAGE)).rejects.toMatchObject({
      name: 'NetworkError',
      kind: 'network',
      code: 'ECONNREFUSED',
      attempts: 3,
    });
    expect(sleeps).toHaveLength(2);
    await client.close();
  });

  it('resends a stream body on retry (it is buffered once)', async () => {
    failThenSucceed([{ status: 503 }]);
    const { client } = setup();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.enqueue(new Uint8Array([3]));
        c.close();
      },
    });
    await client.tag(stream);
    expect(server.requests.map((r) => [...r.body])).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    await client.close();
  });
});

describe('read submission is retried only when no operation can exist', () => {
  it('retries on 429 and on 503', async () => {
    let n = 0;
    server.handle((_req, res) => {
      n++;
      if (n === 1)
        return json(
          res,
          429,
          { error: { code: '429', message: 'slow down' } },
          { 'retry-after': '1' },
        );
      if (n === 2)
        return json(res, 503, { error: { code: 'ServiceUnavailable', message: 'busy' } });
      res.writeHead(202, {
        'operation-location': `${server.url}/vision/v3.2/read/analyzeResults/op-1`,
      });
      res.end();
    });
    const { client } = setup();
    expect((await client.read(Buffer.from('img'))).operationId).toBe('op-1');
    expect(server.requests).toHaveLength(3);
    await client.close();
  });

  it('does not retry when the connection drops after the body was sent', async () => {
    server.handle((_req, res) => res.socket?.destroy());
    const { client, events } = setup();
    const err = await client.read(Buffer.from('img')).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network', attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(events[0]?.willRetry).toBe(false);
    await client.close();
  });

  it('does not retry a 500 (the operation may have been created)', async () => {
    server.handle((_req, res) =>
      json(res, 500, { error: { code: 'InternalServerError', message: 'oops' } }),
    );
    const { client } = setup();
    await expect(client.read(IMAGE)).rejects.toMatchObject({
      kind: 'upstream',
      status: 500,
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
    await client.close();
  });

  it('while an analyze after the same drop is retried', async () => {
    let n = 0;
    server.handle((_req, res) =>
      n++ === 0 ? res.socket?.destroy() : json(res, 200, { requestId: 'second' }),
    );
    const { client } = setup();
    expect(await client.analyze(IMAGE)).toEqual({ requestId: 'second' });
    expect(server.requests).toHaveLength(2);
    await client.close();
  });
});
