import { describe, expect, it } from 'vitest';
import { createVisionClient, RateLimitPresets } from '../src/index.js';
import { json, useLoopback } from './helpers/loopback-server.js';
import { recordingClock } from './helpers/recording-clock.js';

const KEY = 'limits-key-90ab';
const IMAGE = 'https://images.example/a.jpg';
const server = useLoopback();

describe('concurrency cap', () => {
  it('the server never sees more than maxConcurrency requests at once', async () => {
    server.handle((_req, res) => setTimeout(() => json(res, 200, { requestId: 'x' }), 40));
    const client = createVisionClient({ endpoint: server.url, key: KEY, maxConcurrency: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, () => client.tag(IMAGE)));
    expect(results).toHaveLength(12);
    expect(server.requests).toHaveLength(12);
    expect(server.maxInFlight).toBe(3);
    await client.close();
  });

  it('without a cap the same burst runs in parallel', async () => {
    server.handle((_req, res) => setTimeout(() => json(res, 200, {}), 40));
    const client = createVisionClient({ endpoint: server.url, key: KEY });
    await Promise.all(Array.from({ length: 12 }, () => client.tag(IMAGE)));
    expect(server.maxInFlight).toBeGreaterThan(3);
    await client.close();
  });
});

describe('rate limiter', () => {
  it('spaces requests at requestsPerSecond after the burst (real time)', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const client = createVisionClient({
      endpoint: server.url,
      key: KEY,
      rateLimit: { requestsPerSecond: 20, burst: 2 },
    });
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => client.tag(IMAGE)));
    // 2 at once, then 4 more at 50 ms intervals: the last cannot leave before 200 ms.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(195);
    expect(server.requests).toHaveLength(6);
    await client.close();
  });

  it('lets `burst` calls through at once, then queues the rest at 1/rate', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    // Time stands still here, so each queued call's wait shows its place in the queue.
    const sleeps: number[] = [];
    const clock = { now: () => 0, sleep: async (ms: number) => void sleeps.push(ms) };
    const client = createVisionClient({
      endpoint: server.url,
      key: KEY,
      clock,
      rateLimit: { requestsPerSecond: 10, burst: 3 },
    });
    await Promise.all(Array.from({ length: 5 }, () => client.tag(IMAGE)));
    expect(sleeps).toEqual([100, 200]);
    await client.close();
  });

  it('fails at once with QueueFull when maxQueue callers already wait for the rate limiter', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    // Sleeps never end: callers that must wait stay in the limiter's queue.
    const clock = { now: () => 0, sleep: () => new Promise<void>(() => undefined) };
    const client = createVisionClient({
      endpoint: server.url,
      key: KEY,
      clock,
      maxQueue: 2,
      rateLimit: { requestsPerSecond: 1, burst: 1 },
    });
    await client.tag(IMAGE); // the burst token
    const waiting = [client.tag(IMAGE), client.tag(IMAGE)];
    await expect(client.tag(IMAGE)).rejects.toMatchObject({
      name: 'QueueFullError',
      code: 'QueueFull',
      message: 'rate limit: 2 calls are already waiting; try again later',
      // Two waiters' debt at 1 request per second: one slot frees in a second.
      retryAfterMs: 1000,
    });
    expect(server.requests).toHaveLength(1);
    expect(waiting).toHaveLength(2);
    await client.close();
  });

  it('asks for the F0 preset wait (3 s per request) between sequential calls', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const { clock, sleeps } = recordingClock({ virtual: true });
    const client = createVisionClient({
      endpoint: server.url,
      key: KEY,
      clock,
      rateLimit: RateLimitPresets.azureF0,
    });
    for (let i = 0; i < 3; i++) await client.tag(IMAGE);
    expect(sleeps).toEqual([3_000, 3_000]);
    await client.close();
  });

  it('accepts a custom RateLimiter (e.g. one shared by several processes) and asks it per attempt', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const asked: string[] = [];
    const shared = { acquire: async () => void asked.push('permit') };
    const client = createVisionClient({ endpoint: server.url, key: KEY, rateLimit: shared });
    await client.tag(IMAGE);
    await client.listModels();
    expect(asked).toEqual(['permit', 'permit']);
    await client.close();
  });

  it('counts retries against the budget too', async () => {
    let n = 0;
    server.handle((_req, res) => (n++ === 0 ? json(res, 503, {}) : json(res, 200, {})));
    const { clock, sleeps } = recordingClock({ virtual: true });
    const client = createVisionClient({
      endpoint: server.url,
      key: KEY,
      clock,
      random: () => 0,
      rateLimit: { requestsPerSecond: 1, burst: 1 },
    });
    await client.tag(IMAGE);
    // Backoff (0 with random()=0), then the limiter makes the retry wait a whole second.
    expect(sleeps).toEqual([0, 1000]);
    expect(client.stats()).toMatchObject({ attempts: 2, retries: 1 });
    await client.close();
  });
});
