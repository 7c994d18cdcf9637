// Pipeline behaviour a client sees: request ids, onRequest, case-insensitive paths, body modes,
// and a disconnecting client aborting the backend work.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisOptions } from '../src/analysis/types.js';
import { createStubBackend, type RequestInfo } from '../src/index.js';
import { image, startHarness, type Harness } from './support/harness.js';
import { startStaticServer, type StaticServer } from './support/static-server.js';

// The stub backend (no models): these tests are about HTTP, not analysis.
const backend = createStubBackend();
const calls: RequestInfo[] = [];
let h: Harness;
let files: StaticServer;
beforeAll(async () => {
  [h, files] = await Promise.all([
    startHarness({ backend, allowPrivateUrls: true, onRequest: (info) => calls.push(info) }),
    startStaticServer(),
  ]);
});
afterAll(async () => {
  await h.close();
  await files.close();
  await backend.close();
});

/** The stub's tags for csdf-dog.jpg (600x450 JPEG). */
const DOG_TAGS = [
  { name: 'landscape', confidence: 1 },
  { name: 'jpeg', confidence: 1 },
];

describe('pipeline', () => {
  it('reports every matched call to onRequest, including refused ones', async () => {
    calls.length = 0;
    await h.post('/vision/v3.2/analyze?visualFeatures=Tags&language=en', image('csdf-dog.jpg'));
    await fetch(`${h.url}/vision/v1.0/RecognizeText?handwriting=true`, { method: 'POST' });
    await h.get('/vision/v3.2/unknown');
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/vision/v3.2/analyze',
        version: 'v3.2',
        operation: 'analyze',
        query: { visualFeatures: 'Tags', language: 'en' },
      },
      {
        method: 'POST',
        path: '/vision/v1.0/RecognizeText',
        version: 'v1.0',
        operation: 'recognizeText',
        query: { handwriting: 'true' },
      },
    ]);
  });

  it('matches paths and parameter names case-insensitively', async () => {
    const res = await h.post('/Vision/V3.2/AnalyZe?VISUALFEATURES=tags', image('csdf-dog.jpg'));
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object)).toEqual([
      'tags',
      'requestId',
      'metadata',
      'modelVersion',
    ]);
  });

  it('puts the same request id in the headers and the body', async () => {
    const res = await h.post('/vision/v3.2/tag', image('csdf-dog.jpg'));
    const id = res.headers.get('apim-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-ms-request-id')).toBe(id);
    expect(((await res.json()) as any).requestId).toBe(id);
    const other = await h.post('/vision/v3.2/tag', image('csdf-dog.jpg'));
    expect(other.headers.get('apim-request-id')).not.toBe(id);
  });

  it('takes the image from JSON {url}, octet-stream and the first multipart file part alike', async () => {
    const bytes = image('csdf-house.jpg');
    const boundary = 'b0undary';
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="house.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const answers = await Promise.all([
      h.postUrl('/vision/v3.2/analyze?visualFeatures=Color', `${files.url}/csdf-house.jpg`),
      h.post('/vision/v3.2/analyze?visualFeatures=Color', bytes),
      h.post(
        '/vision/v3.2/analyze?visualFeatures=Color',
        form,
        `multipart/form-data; boundary=${boundary}`,
      ),
    ]);
    const bodies = await Promise.all(answers.map(async (r) => (await r.json()) as any));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const b of bodies) expect(b.metadata).toEqual({ width: 640, height: 480, format: 'Jpeg' });
    expect(bodies[1].color).toEqual(bodies[0].color);
    expect(bodies[2].color).toEqual(bodies[0].color);
  });

  it('resolves host names (localhost) and checks the resolved address', async () => {
    const res = await h.postUrl(
      '/vision/v3.2/tag',
      `${files.url.replace('127.0.0.1', 'localhost')}/csdf-dog.jpg`,
    );
    expect(res.status).toBe(200);
    // The stub tags the 600x450 JPEG by its shape and format: these bytes were the dog's.
    expect(((await res.json()) as any).tags).toEqual(DOG_TAGS);
  });

  it('follows redirects to allowed hosts', async () => {
    const res = await h.postUrl('/vision/v3.2/tag', `${files.url}/redirect/csdf-dog.jpg`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).tags).toEqual(DOG_TAGS);
    expect(files.hits).toContain('/redirect/csdf-dog.jpg');
  });

  it('aborts the backend work when the client disconnects', async () => {
    let aborted: () => void = () => undefined;
    const wasAborted = new Promise<void>((resolve) => (aborted = resolve));
    let started: () => void = () => undefined;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    // The stub backend, with analyze held open until its signal fires.
    const slow = await startHarness({
      backend: {
        ...backend,
        analyze: (_img, _req, opts?: AnalysisOptions) =>
          new Promise((_, reject) => {
            started();
            opts?.signal?.addEventListener('abort', () => {
              aborted();
              reject(new Error('aborted'));
            });
          }),
        close: async () => undefined,
      },
    });
    try {
      const body = image('csdf-dog.jpg');
      const req = request(`${slow.url}/vision/v3.2/analyze`, {
        method: 'POST',
        headers: {
          'Ocp-Apim-Subscription-Key': slow.key,
          'Content-Type': 'application/octet-stream',
          'Content-Length': body.length,
        },
      });
      req.on('error', () => undefined);
      req.end(body);
      await hasStarted;
      req.destroy();
      await wasAborted;
      expect((await slow.get('/vision/v3.2/models')).status).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it('holds every answer back by latencyMs, errors included, without changing it', async () => {
    const slow = await startHarness({ backend, latencyMs: 150 });
    try {
      const t0 = performance.now();
      const ok = await slow.get('/vision/v3.2/models');
      const okMs = performance.now() - t0;
      const t1 = performance.now();
      const refused = await fetch(`${slow.url}/vision/v3.2/models`);
      const refusedMs = performance.now() - t1;
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { models: unknown[] }).models.length).toBeGreaterThan(0);
      expect(refused.status).toBe(401);
      // Timers may fire a little early by the clock of performance.now(); never 100 ms early.
      expect(okMs).toBeGreaterThanOrEqual(140);
      expect(refusedMs).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });
});
