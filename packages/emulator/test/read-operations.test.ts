// Read 3.2 and v1.0 recognizeText: 202 + absolute Operation-Location built from the Host
// header, status progression over HTTP, and version isolation of operation ids (the store itself,
// with its TTLs on a virtual clock, is in operation-store.fast.test.ts).
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
