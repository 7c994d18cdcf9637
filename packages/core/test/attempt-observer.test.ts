// client.withAttemptObserver: one caller's view of a shared client sees its own attempts (retries
// included), the client's onAttempt still sees every attempt, and the view shares the client's
// counters and pool.
import { describe, expect, it } from 'vitest';
import { createVisionClient, type AttemptEvent } from '../src/index.js';
import { json, useLoopback } from './helpers/loopback-server.js';
import { recordingClock } from './helpers/recording-clock.js';

const KEY = 'observer-key-7d2e';
const IMAGE = 'https://images.example/a.jpg';
const server = useLoopback();

describe('withAttemptObserver', () => {
  it("reports a view's attempts to its observer and every attempt to the client's", async () => {
    let n = 0;
    // First request 503 (retried), then 200s.
    server.handle((_req, res) => {
      if (n++ === 0) json(res, 503, { error: { code: '503', message: 'busy' } });
      else json(res, 200, { requestId: `r${n}` });
    });
    const all: AttemptEvent[] = [];
    const client = createVisionClient({
      endpoint: server.url,
      key: KEY,
      clock: recordingClock().clock,
      random: () => 0.5,
      onAttempt: (e) => all.push(e),
    });
    const mine: AttemptEvent[] = [];
    const theirs: AttemptEvent[] = [];
    const a = client.withAttemptObserver((e) => mine.push(e));
    const b = client.withAttemptObserver((e) => theirs.push(e));

    expect(await a.tag(IMAGE)).toEqual({ requestId: 'r2' });
    expect(await b.describe(IMAGE)).toEqual({ requestId: 'r3' });

    expect(mine.map((e) => [e.operation, e.attempt, e.status, e.willRetry])).toEqual([
      ['tag', 1, 503, true],
      ['tag', 2, 200, false],
    ]);
    expect(theirs.map((e) => [e.operation, e.attempt, e.status])).toEqual([['describe', 1, 200]]);
    expect(all.map((e) => [e.operation, e.attempt, e.status])).toEqual([
      ['tag', 1, 503],
      ['tag', 2, 200],
      ['describe', 1, 200],
    ]);
    // One client underneath: the view's calls count in its stats.
    expect(client.stats()).toMatchObject({ attempts: 3, retries: 1 });
    expect(a.stats()).toEqual(client.stats());
    await client.close();
  });

  it('nests: a view of a view reports to both observers; a throwing observer breaks nothing', async () => {
    server.handle((_req, res) => json(res, 200, { requestId: 'ok' }));
    const client = createVisionClient({ endpoint: server.url, key: KEY });
    const outer: string[] = [];
    const inner: string[] = [];
    const view = client
      .withAttemptObserver((e) => outer.push(e.operation))
      .withAttemptObserver((e) => {
        inner.push(e.operation);
        throw new Error('observer bug');
      });
    expect(await view.tag(IMAGE)).toEqual({ requestId: 'ok' });
    expect(outer).toEqual(['tag']);
    expect(inner).toEqual(['tag']);
    await client.close();
  });
});
