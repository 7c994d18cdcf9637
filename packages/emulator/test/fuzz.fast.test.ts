// Sends a few hundred corrupt or random requests (seeded, so a failure replays) across the
// routes and checks every answer is a well-formed Azure error or a success, never a 500 or a
// dropped connection, and that the server still serves a good request afterwards.
import { request } from 'node:http';
import { createStubBackend } from '../src/index.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { image, startHarness, type Harness } from './support/harness.js';

// The stub backend (no models): these tests are about HTTP, not analysis.
const backend = createStubBackend();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ backend, urlFetch: { timeoutMs: 500 } });
});
afterAll(async () => {
  await h.close();
  await backend.close();
});

// mulberry32: small seeded PRNG.
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20261125);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const bytes = (n: number): Buffer =>
  Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));

const ROUTES = [
  '/vision/v3.2/analyze',
  '/vision/v3.2/describe',
  '/vision/v3.2/tag',
  '/vision/v3.2/detect',
  '/vision/v3.2/areaOfInterest',
  '/vision/v3.2/ocr',
  '/vision/v3.2/generateThumbnail',
  '/vision/v3.2/models/celebrities/analyze',
  '/vision/v3.2/read/analyze',
  '/vision/v1.0/analyze',
  '/vision/v1.0/ocr',
  '/vision/v1.0/generateThumbnail',
  '/vision/v1.0/models/landmarks/analyze',
  '/vision/v1.0/recognizeText',
  '/vision/V3.2/ANALYZE',
  '/vision/v3.2/read/analyzeResults/x',
  '/vision/v1.0/textOperations/1',
];
const PARAMS = [
  'visualFeatures',
  'details',
  'language',
  'maxCandidates',
  'width',
  'height',
  'smartCropping',
  'detectOrientation',
  'pages',
  'readingOrder',
  'model-version',
  'mode',
  'handwriting',
];
const VALUES = [
  '',
  'Tags',
  'Faces,,Color',
  'x'.repeat(300),
  '-1',
  '0',
  '99999999999999999999',
  'true',
  'NaN',
  '1-',
  '%00',
  '😀',
  'en',
  'unk',
  '1.5',
  'a,b,c',
];
const TYPES = [
  'application/octet-stream',
  'application/json',
  'multipart/form-data; boundary=zz',
  'multipart/form-data',
  'text/plain',
  'image/png',
  '',
  'application/json; charset=utf-16',
];
const SEEDS = [
  image('tjs-testocr.png'),
  image('csdf-dog.jpg'),
  image('tjs-simple.gif'),
  image('tess-eurotext.tif'),
];

function randomBody(type: string): Buffer | string {
  const kind = Math.floor(rnd() * 7);
  if (kind === 0) return bytes(Math.floor(rnd() * 2048));
  if (kind === 1) return pick(SEEDS).subarray(0, 8 + Math.floor(rnd() * 400)); // truncated header
  if (kind === 2)
    return pick([
      '{',
      '{"url":',
      '[]',
      'null',
      '{"url":42}',
      '{"url":"http://127.0.0.1:1/x"}',
      '{"url":"http://[::1:"}',
      '{"url":"file:///etc/passwd"}',
      '"str"',
    ]);
  if (kind === 3)
    return type.startsWith('multipart')
      ? `--zz\r\nContent-Disposition: form-data; name="f"\r\n\r\n${bytes(50).toString('latin1')}\r\n--zz--`
      : bytes(10);
  if (kind === 4) {
    // A real image with bytes flipped past its header: the decoder must reject or survive it.
    const copy = Buffer.from(pick(SEEDS).subarray(0, 1500));
    for (let i = 0; i < 20; i += 1)
      copy[64 + Math.floor(rnd() * (copy.length - 64))] = Math.floor(rnd() * 256);
    return copy;
  }
  if (kind === 5) return '';
  return bytes(1);
}

function randomQuery(): string {
  const n = Math.floor(rnd() * 4);
  const parts = Array.from(
    { length: n },
    () => `${encodeURIComponent(pick(PARAMS))}=${encodeURIComponent(pick(VALUES))}`,
  );
  return parts.length ? `?${parts.join('&')}` : '';
}

function checkAnswer(status: number, contentType: string | null, text: string, path: string): void {
  const where = `${status} ${path}: ${text.slice(0, 200)}`;
  expect([200, 202, 400, 404, 415], where).toContain(status);
  if (status === 202) return expect(text, where).toBe('');
  if (status === 200 && !contentType?.startsWith('application/json'))
    return expect(contentType, where).toMatch(/^image\//);
  const body = JSON.parse(text);
  if (status === 200) return expect(typeof body, where).toBe('object');
  const code = body.error?.innererror?.code ?? body.error?.code ?? body.code;
  expect(typeof code, where).toBe('string');
  expect(typeof (body.error?.message ?? body.message), where).toBe('string');
}

/** A raw request announcing a huge body and sending almost nothing. */
function hugeDeclared(
  path: string,
): Promise<{ status: number; text: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${h.url}${path}`,
      {
        method: 'POST',
        headers: {
          'Ocp-Apim-Subscription-Key': h.key,
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(2 ** 40),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text, type: res.headers['content-type'] }),
        );
      },
    );
    req.on('error', reject);
    req.write(bytes(100));
  });
}

it('answers 300 random requests with Azure errors or successes, then still serves', {
  timeout: 180_000,
}, async () => {
  const started = Date.now();
  const statuses = new Map<number, number>();
  for (let i = 0; i < 300; i += 1) {
    const path = pick(ROUTES) + randomQuery();
    if (i % 50 === 0) {
      const r = await hugeDeclared(path);
      checkAnswer(r.status, r.type ?? null, r.text, path);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      continue;
    }
    const type = pick(TYPES);
    const res = await h.post(path, randomBody(type), type);
    checkAnswer(res.status, res.headers.get('content-type'), await res.text(), path);
    expect(res.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  // The mix really exercised errors of several kinds.
  expect(statuses.get(400)).toBeGreaterThan(50);
  expect(statuses.get(415)).toBeGreaterThan(10);
  const good = await h.post('/vision/v3.2/tag', image('csdf-dog.jpg'));
  expect(good.status).toBe(200);
  expect(((await good.json()) as any).metadata).toEqual({
    width: 600,
    height: 450,
    format: 'Jpeg',
  });
  expect(Date.now() - started).toBeLessThan(170_000);
});
