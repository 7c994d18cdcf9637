import { describe, expect, it } from 'vitest';
import { createVisionClient, type VisionClientOptions } from '../src/index.js';
import { json, useLoopback } from './helpers/loopback-server.js';
import { recordingClock } from './helpers/recording-clock.js';

const KEY = 'poll-key-31ee';
const OP = '6a1c9e4e-1111-4222-8333-944455556666';
const server = useLoopback();

const result = {
  version: '3.2',
  modelVersion: '2022-04-30',
  readResults: [{ page: 1, angle: 0, width: 10, height: 10, unit: 'pixel', lines: [] }],
};

/** Accepts the read, then answers polls with `statuses` in order (the last one repeats). */
function readFlow(statuses: string[], pollHeaders: Record<string, string> = {}) {
  let polls = 0;
  server.handle((req, res) => {
    if (req.method === 'POST') {
      res.writeHead(202, {
        'operation-location': `${server.url}/vision/v3.2/read/analyzeResults/${OP}`,
      });
      res.end();
      return;
    }
    const status = statuses[Math.min(polls++, statuses.length - 1)]!;
    json(
      res,
      200,
      {
        status,
        createdDateTime: '2026-11-25T00:00:00Z',
        ...(/succeeded/i.test(status) && { analyzeResult: result }),
      },
      pollHeaders,
    );
  });
}

function setup(extra: Partial<VisionClientOptions> = {}) {
  const { clock, sleeps } = recordingClock();
  const client = createVisionClient({
    endpoint: server.url,
    key: KEY,
    clock,
    random: () => 0.5,
    polling: { initialDelayMs: 300, intervalMs: 700, timeoutMs: 10_000 },
    ...extra,
  });
  return { client, sleeps };
}

describe('readAndWait', () => {
  it('polls until succeeded, waiting initialDelayMs then intervalMs', async () => {
    readFlow(['notStarted', 'running', 'running', 'succeeded']);
    const { client, sleeps } = setup();
    const out = await client.readAndWait(Buffer.from('png'));
    expect(out.status).toBe('succeeded');
    expect(out.analyzeResult).toEqual(result);
    expect(sleeps).toEqual([300, 700, 700, 700]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /vision/v3.2/read/analyze',
      ...Array(4).fill(`GET /vision/v3.2/read/analyzeResults/${OP}`),
    ]);
    await client.close();
  });

  it.each([[['Not Started', 'Running', 'Succeeded']], [['NotStarted', 'Running', 'Succeeded']]])(
    'accepts the older status spellings %j',
    async (statuses) => {
      readFlow(statuses);
      const { client } = setup();
      expect((await client.readAndWait('https://images.example/t.png')).status).toBe('succeeded');
      await client.close();
    },
  );

  it('honours Retry-After on the result endpoint', async () => {
    readFlow(['running', 'succeeded'], { 'retry-after': '2' });
    const { client, sleeps } = setup();
    await client.readAndWait('https://images.example/t.png');
    expect(sleeps).toEqual([300, 2000]);
    await client.close();
  });

  it('throws ReadFailedError when the operation fails', async () => {
    readFlow(['running', 'failed']);
    const { client } = setup();
    await expect(client.readAndWait('https://images.example/t.png')).rejects.toMatchObject({
      name: 'ReadFailedError',
      kind: 'upstream',
      code: 'ReadFailed',
      operationId: OP,
    });
    await client.close();
  });

  it('throws PollingTimeoutError past the deadline', async () => {
    readFlow(['running']);
    const { client, sleeps } = setup({
      polling: { initialDelayMs: 100, intervalMs: 1_000, timeoutMs: 3_500 },
    });
    await expect(client.readAndWait('https://images.example/t.png')).rejects.toMatchObject({
      name: 'PollingTimeoutError',
      kind: 'timeout',
      code: 'PollingTimeout',
      operationId: OP,
    });
    expect(sleeps).toEqual([100, 1000, 1000, 1000]);
    await client.close();
  });

  it('does not retry a failing poll past the deadline', async () => {
    let polls = 0;
    server.handle((req, res) => {
      if (req.method === 'POST') {
        res.writeHead(202, {
          'operation-location': `${server.url}/vision/v3.2/read/analyzeResults/${OP}`,
        });
        res.end();
        return;
      }
      polls++;
      json(
        res,
        503,
        { error: { code: 'ServiceUnavailable', message: 'busy' } },
        { 'retry-after': '3' },
      );
    });
    const { client, sleeps } = setup({
      retry: { maxRetries: 5, maxElapsedMs: 60_000 },
      polling: { initialDelayMs: 100, intervalMs: 100, timeoutMs: 5_000 },
    });
    await expect(client.readAndWait('https://images.example/t.png')).rejects.toMatchObject({
      kind: 'upstream',
      status: 503,
    });
    // One poll at 100 ms, one retry at 3.4 s (Retry-After 3 s plus half of its 600 ms spread);
    // a second retry would start at 6.7 s, past 5 s.
    expect(polls).toBe(2);
    expect(sleeps).toEqual([100, 3300]);
    await client.close();
  });

  it('never polls faster than minIntervalMs, even when told Retry-After: 0', async () => {
    readFlow(['running', 'running', 'succeeded'], { 'retry-after': '0' });
    const { client, sleeps } = setup();
    await client.readAndWait('https://images.example/t.png');
    expect(sleeps).toEqual([300, 100, 100]);
    await client.close();
  });

  it('per-call polling options override the client ones', async () => {
    readFlow(['running', 'succeeded']);
    const { client, sleeps } = setup();
    await client.readAndWait('https://images.example/t.png', {
      polling: { initialDelayMs: 0, intervalMs: 5, minIntervalMs: 1 },
    });
    expect(sleeps).toEqual([0, 5]);
    await client.close();
  });

  it('can be aborted while polling', async () => {
    readFlow(['running']);
    const client = createVisionClient({
      endpoint: server.url,
      key: KEY,
      polling: { initialDelayMs: 10, intervalMs: 20, timeoutMs: 60_000 },
    });
    const ac = new AbortController();
    // Abort once the server has answered two polls (a timer would race a loaded machine).
    const watch = setInterval(() => server.requests.length >= 3 && ac.abort(), 5);
    await expect(
      client.readAndWait('https://images.example/t.png', { signal: ac.signal }),
    ).rejects.toMatchObject({ kind: 'aborted' });
    clearInterval(watch);
    // A poll that was on the wire when the signal fired may still land; after that, silence.
    await new Promise((r) => setTimeout(r, 50));
    const polls = server.requests.length;
    expect(polls).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(server.requests.length).toBe(polls);
    await client.close();
  });
});
