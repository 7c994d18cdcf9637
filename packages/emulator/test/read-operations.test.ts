// Read 3.2 and v1.0 recognizeText: 202 + absolute Operation-Location built from the Host
// header, status progression, TTL, and version isolation of operation ids.
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperationStore } from '../src/read/operation-store.js';
import { testBackend } from './support/backend.js';
import { image, startHarness, type Harness } from './support/harness.js';

const backend = testBackend();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    backend,
    readProgression: { notStarted: { polls: 1 }, running: { polls: 1 } },
  });
});
afterAll(async () => {
  await h.close();
  await backend.close();
});

async function pollUntilDone(
  location: string,
  done: (s: string) => boolean,
): Promise<{ statuses: string[]; body: any }> {
  const statuses: string[] = [];
  // Up to a minute: a multi-page PDF read on a loaded 2-core CI machine takes well over 10 s.
  for (let i = 0; i < 1200; i += 1) {
    const body = (await (
      await fetch(location, { headers: { 'Ocp-Apim-Subscription-Key': h.key } })
    ).json()) as any;
    statuses.push(body.status);
    if (done(body.status)) return { statuses, body };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never finished: ${statuses.join(',')}`);
}

describe('read 3.2', () => {
  it('answers 202 with an empty body and an absolute Operation-Location from the Host header', async () => {
    // fetch() may not set Host; node:http can, as a proxy or a docker port mapping would.
    const res = await new Promise<IncomingMessage & { text: string }>((resolve, reject) => {
      const req = request(
        `${h.url}/vision/v3.2/read/analyze`,
        {
          method: 'POST',
          headers: {
            'Ocp-Apim-Subscription-Key': h.key,
            'Content-Type': 'application/octet-stream',
            Host: `localhost:${h.port}`,
          },
        },
        (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve(Object.assign(r, { text })));
        },
      );
      req.on('error', reject);
      req.end(image('tjs-testocr.png'));
    });
    expect(res.statusCode).toBe(202);
    expect(res.text).toBe('');
    const location = String(res.headers['operation-location']);
    expect(location).toMatch(
      new RegExp(`^http://localhost:${h.port}/vision/v3\\.2/read/analyzeResults/[0-9a-f-]{36}$`),
    );
    expect(res.headers['apim-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('moves notStarted -> running -> succeeded with timestamps and an analyzeResult only at the end', async () => {
    const res = await h.post('/vision/v3.2/read/analyze', image('tjs-testocr.png'));
    const { statuses, body } = await pollUntilDone(
      res.headers.get('operation-location')!,
      (s) => s === 'succeeded' || s === 'failed',
    );
    expect(statuses[0]).toBe('notStarted');
    expect(statuses[1]).toBe('running');
    expect(statuses.at(-1)).toBe('succeeded');
    expect(new Set(statuses)).toEqual(new Set(['notStarted', 'running', 'succeeded']));
    expect(Date.parse(body.createdDateTime)).toBeLessThanOrEqual(
      Date.parse(body.lastUpdatedDateTime),
    );
    expect(body.analyzeResult.version).toBe('3.2.0');
    expect(body.analyzeResult.modelVersion).toBe('2022-04-30');
    expect(body.analyzeResult.readResults[0]).toMatchObject({
      page: 1,
      unit: 'pixel',
      width: 640,
      height: 480,
    });
  });

  it('reads the requested pages of a multi-page PDF', async () => {
    const res = await h.post(
      '/vision/v3.2/read/analyze?pages=1',
      image('csdf-printed_handwritten.pdf'),
    );
    expect(res.status).toBe(202);
    const { body } = await pollUntilDone(
      res.headers.get('operation-location')!,
      (s) => s === 'succeeded' || s === 'failed',
    );
    expect(body.status).toBe('succeeded');
    expect(body.analyzeResult.readResults.map((p: { page: number }) => p.page)).toEqual([1]);
    expect(body.analyzeResult.readResults[0].unit).toBe('inch');
    // The first PDF of a process loads pdf.js in the decode worker: ~20 s on a loaded 2-core machine.
  }, 90_000);

  it('reads a TIFF', async () => {
    const res = await h.post('/vision/v3.2/read/analyze', image('tess-eurotext.tif'));
    const { body } = await pollUntilDone(
      res.headers.get('operation-location')!,
      (s) => s === 'succeeded' || s === 'failed',
    );
    expect(body.status).toBe('succeeded');
  });

  it('does not answer a v3.2 id under v1.0', async () => {
    const res = await h.post('/vision/v3.2/read/analyze', image('tjs-testocr.png'));
    const id = res.headers.get('operation-location')!.split('/').at(-1);
    expect((await h.get(`/vision/v1.0/textOperations/${id}`)).status).toBe(404);
  });
});

describe('v1.0 recognizeText', () => {
  it('answers 202 and polls "Not Started" -> "Running" -> "Succeeded" with int[8] boxes', async () => {
    const res = await h.post(
      '/vision/v1.0/RecognizeText?handwriting=true',
      image('rest-handwriting.jpg'),
    );
    expect(res.status).toBe(202);
    const location = res.headers.get('operation-location')!;
    expect(location).toMatch(/\/vision\/v1\.0\/textOperations\/[0-9a-f-]{36}$/);
    const { statuses, body } = await pollUntilDone(
      location,
      (s) => s === 'Succeeded' || s === 'Failed',
    );
    expect(statuses.slice(0, 2)).toEqual(['Not Started', 'Running']);
    expect(body.status).toBe('Succeeded');
    expect(Object.keys(body).sort()).toEqual(['recognitionResult', 'status']);
    for (const line of body.recognitionResult.lines) {
      expect(line.boundingBox).toHaveLength(8);
      expect(line.boundingBox.every(Number.isInteger)).toBe(true);
    }
  });
});

describe('operation store', () => {
  it('holds each stage for its polls and milliseconds, and forgets results after the TTL', async () => {
    let now = 1_000;
    const store = createOperationStore(
      {
        readResultTtlMs: 10_000,
        readProgression: { notStarted: { polls: 2, ms: 0 }, running: { polls: 0, ms: 500 } },
      },
      () => now,
    );
    const id = store.start('v3.2', 'm', async () => []);
    await new Promise((r) => setTimeout(r, 0));
    const seen = [
      store.poll('v3.2', id)!.status,
      store.poll('v3.2', id)!.status,
      store.poll('v3.2', id)!.status,
    ];
    expect(seen).toEqual(['notStarted', 'notStarted', 'running']);
    now += 499;
    expect(store.poll('v3.2', id)!.status).toBe('running');
    now += 1;
    expect(store.poll('v3.2', id)!.status).toBe('succeeded');
    now += 10_000;
    expect(store.poll('v3.2', id)).toBeUndefined();
    store.close();
  });

  it('reports failed when the work throws', async () => {
    const store = createOperationStore({
      readResultTtlMs: 1_000,
      readProgression: { notStarted: { polls: 0, ms: 0 }, running: { polls: 0, ms: 0 } },
    });
    const id = store.start('v1.0', 'm', async () => {
      throw new Error('unreadable');
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.poll('v1.0', id)!.status).toBe('failed');
    store.close();
  });

  const quick = { notStarted: { polls: 0, ms: 0 }, running: { polls: 0, ms: 0 } };
  const never = () => new Promise<never>(() => undefined);
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('answers 429 with Retry-After while maxRunning reads run', async () => {
    const store = createOperationStore({
      readResultTtlMs: 60_000,
      readProgression: quick,
      readLimits: { maxRunning: 2, maxOperations: 100, maxResultBytes: 1_000_000 },
    });
    let finish!: (pages: []) => void;
    store.start('v3.2', 'm', () => new Promise((r) => (finish = r)));
    store.start('v3.2', 'm', never);
    let refusal: unknown;
    try {
      store.start('v3.2', 'm', never);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toMatchObject({ status: 429, code: '429', headers: { 'Retry-After': '2' } });
    finish([]);
    await tick();
    expect(store.size.running).toBe(1);
    expect(() => store.start('v3.2', 'm', never)).not.toThrow();
    store.close();
  });

  it('forgets the oldest operation beyond maxOperations and aborts its work', async () => {
    const store = createOperationStore({
      readResultTtlMs: 60_000,
      readProgression: quick,
      readLimits: { maxRunning: 10, maxOperations: 2, maxResultBytes: 1_000_000 },
    });
    let oldestSignal!: AbortSignal;
    const oldest = store.start('v3.2', 'm', (signal) => ((oldestSignal = signal), never()));
    const second = store.start('v3.2', 'm', async () => []);
    const third = store.start('v3.2', 'm', async () => []);
    await tick();
    expect(store.poll('v3.2', oldest)).toBeUndefined();
    expect(oldestSignal.aborted).toBe(true);
    expect([store.poll('v3.2', second)?.status, store.poll('v3.2', third)?.status]).toEqual([
      'succeeded',
      'succeeded',
    ]);
    expect(store.size).toEqual({ operations: 2, running: 0, bytes: 4 });
    store.close();
  });

  it('keeps result bytes under maxResultBytes, oldest first; a result over it alone fails', async () => {
    const page = (text: string) => [{ page: 1, text }] as never;
    const bytesOf = (text: string) => JSON.stringify(page(text)).length;
    const limit = 2 * bytesOf('x'.repeat(100)) + 10;
    const store = createOperationStore({
      readResultTtlMs: 60_000,
      readProgression: quick,
      readLimits: { maxRunning: 10, maxOperations: 100, maxResultBytes: limit },
    });
    const ids = ['a', 'b', 'c'].map((c) =>
      store.start('v3.2', 'm', async () => page(c.repeat(100))),
    );
    await tick();
    expect(ids.map((id) => store.poll('v3.2', id)?.status)).toEqual([
      undefined,
      'succeeded',
      'succeeded',
    ]);
    expect(store.size.bytes).toBe(2 * bytesOf('x'.repeat(100)));
    const huge = store.start('v3.2', 'm', async () => page('x'.repeat(limit)));
    await tick();
    expect(store.poll('v3.2', huge)?.status).toBe('failed');
    expect(store.size.operations).toBe(3);
    store.close();
  });

  it('drops expired operations as new ones arrive', async () => {
    let now = 0;
    const store = createOperationStore(
      { readResultTtlMs: 1_000, readProgression: quick },
      () => now,
    );
    store.start('v3.2', 'm', async () => []);
    store.start('v3.2', 'm', async () => []);
    now = 600;
    store.start('v3.2', 'm', async () => []);
    now = 1_000;
    store.start('v3.2', 'm', async () => []);
    expect(store.size.operations).toBe(2);
    store.close();
  });
});

describe('read operations over HTTP', () => {
  it('answers a read POST with 429, Retry-After and the APIM body while maxRunning reads run', async () => {
    const busy = await startHarness({ backend, readLimits: { maxRunning: 1 } });
    try {
      const first = await busy.post('/vision/v3.2/read/analyze', image('tjs-testocr.png'));
      const second = await busy.post('/vision/v3.2/read/analyze', image('tjs-testocr.png'));
      expect(first.status).toBe(202);
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('2');
      expect(((await second.json()) as { error: { code: string } }).error.code).toBe('429');
    } finally {
      await busy.close();
    }
  });
});
