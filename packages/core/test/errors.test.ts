import { describe, expect, it } from 'vitest';
import {
  createVisionClient,
  VisionError,
  type AttemptEvent,
  type VisionClientOptions,
} from '../src/index.js';
import { json, useLoopback } from './helpers/loopback-server.js';
import { recordingClock } from './helpers/recording-clock.js';
import { refusedPort } from './helpers/refused-port.js';

const KEY = 'sk-live-DO-NOT-LEAK-4242';
const IMAGE = 'https://images.example/a.jpg';
const server = useLoopback();

function setup(extra: Partial<VisionClientOptions> = {}) {
  const events: AttemptEvent[] = [];
  const { clock } = recordingClock();
  const client = createVisionClient({
    endpoint: server.url,
    key: KEY,
    clock,
    retry: { maxRetries: 1 },
    onAttempt: (e) => events.push(e),
    ...extra,
  });
  return { client, events };
}

async function failure(p: Promise<unknown>): Promise<VisionError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VisionError);
  return err as VisionError;
}

describe('error bodies', () => {
  it('v3.2 wrapped: the innermost code and message win', async () => {
    server.handle((_req, res) =>
      json(
        res,
        400,
        {
          error: {
            code: 'InvalidRequest',
            message: 'Image format is not valid.',
            innererror: { code: 'InvalidImageFormat', message: 'Input data is not a valid image.' },
          },
        },
        { 'apim-request-id': 'hdr-1' },
      ),
    );
    const err = await failure(setup().client.analyze(IMAGE));
    expect(err).toMatchObject({
      name: 'InvalidInputError',
      kind: 'invalid_input',
      code: 'InvalidImageFormat',
      status: 400,
      requestId: 'hdr-1',
      operation: 'analyze',
    });
    expect(err.message).toContain('Input data is not a valid image.');
  });

  it('v1.0/Read flat body gives code and requestId from the body', async () => {
    server.handle((_req, res) =>
      json(
        res,
        400,
        {
          code: 'InvalidImageUrl',
          message: 'Image URL is badly formatted.',
          requestId: 'body-req-9',
        },
        { 'x-ms-request-id': 'hdr-2' },
      ),
    );
    const err = await failure(setup().client.read(IMAGE));
    expect(err).toMatchObject({
      kind: 'invalid_input',
      code: 'InvalidImageUrl',
      requestId: 'body-req-9',
    });
  });

  it('APIM 401 gives AuthenticationError with code "401"', async () => {
    server.handle((_req, res) =>
      json(
        res,
        401,
        {
          error: {
            code: '401',
            message: 'Access denied due to invalid subscription key or wrong API endpoint.',
          },
        },
        { 'request-id': 'hdr-3' },
      ),
    );
    const err = await failure(setup().client.tag(IMAGE));
    expect(err).toMatchObject({
      name: 'AuthenticationError',
      kind: 'authentication',
      code: '401',
      status: 401,
      requestId: 'hdr-3',
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('403 is an authentication error too', async () => {
    server.handle((_req, res) => json(res, 403, { error: { code: 'Forbidden', message: 'no' } }));
    expect(await failure(setup().client.tag(IMAGE))).toMatchObject({
      kind: 'authentication',
      code: 'Forbidden',
    });
  });

  it('415 and 404 are invalid input', async () => {
    server.handle((req, res) =>
      json(res, req.path.endsWith('/tag') ? 415 : 404, { error: { code: 'x', message: 'y' } }),
    );
    const { client } = setup();
    expect(await failure(client.tag(IMAGE))).toMatchObject({ kind: 'invalid_input', status: 415 });
    expect(await failure(client.getReadResult('nope'))).toMatchObject({
      kind: 'invalid_input',
      status: 404,
    });
  });

  it('a non-JSON error body still gives a useful error', async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const err = await failure(setup().client.tag(IMAGE));
    expect(err).toMatchObject({
      name: 'UpstreamError',
      kind: 'upstream',
      code: 'UpstreamError',
      status: 502,
      attempts: 2,
    });
    expect(err.message).toContain('502 Bad Gateway');
  });

  it('a 200 that is not JSON is an UpstreamError InvalidResponse', async () => {
    server.handle((_req, res) => res.end('not json'));
    expect(await failure(setup().client.tag(IMAGE))).toMatchObject({
      kind: 'upstream',
      code: 'InvalidResponse',
      status: 200,
    });
  });

  it('a 202 without Operation-Location is an UpstreamError', async () => {
    server.handle((_req, res) => {
      res.writeHead(202);
      res.end();
    });
    expect(await failure(setup().client.read(IMAGE))).toMatchObject({
      kind: 'upstream',
      code: 'MissingOperationLocation',
    });
  });
});

it('a closed client fails at once with NetworkError ClientClosed', async () => {
  const { client } = setup();
  await client.close();
  expect(await failure(client.tag(IMAGE))).toMatchObject({ kind: 'network', code: 'ClientClosed' });
  expect(server.requests).toHaveLength(0);
});

describe('client-side validation (nothing is sent)', () => {
  const { client } = { client: createVisionClient({ endpoint: 'http://127.0.0.1:9', key: KEY }) };
  it.each([
    [
      'unknown visual feature',
      () => client.analyze(IMAGE, { visualFeatures: ['Tags', 'Smiles' as 'Tags'] }),
      'NotSupportedVisualFeature',
      'Smiles',
    ],
    [
      'unknown detail',
      () => client.analyze(IMAGE, { details: ['Cars' as 'Landmarks'] }),
      'InvalidDetails',
      'Cars',
    ],
    [
      'thumbnail too wide',
      () => client.generateThumbnail(IMAGE, { width: 1025, height: 10 }),
      'InvalidThumbnailSize',
      'width',
    ],
    [
      'thumbnail height 0',
      () => client.generateThumbnail(IMAGE, { width: 10, height: 0 }),
      'InvalidThumbnailSize',
      'height',
    ],
    ['empty bytes', () => client.tag(new Uint8Array(0)), 'EmptyImage', '0 bytes'],
    ['empty Blob', () => client.tag(new Blob([])), 'EmptyImage', '0 bytes'],
    ['relative URL', () => client.tag('cat.jpg'), 'InvalidImageUrl', 'URL'],
    ['ftp URL', () => client.tag('ftp://x/cat.jpg'), 'InvalidImageUrl', 'ftp'],
    [
      'bad page range',
      () => client.read(IMAGE, { pages: ['1', 'two'] }),
      'InvalidPageRange',
      'two',
    ],
    [
      'bad reading order',
      () => client.read(IMAGE, { readingOrder: 'zigzag' as 'basic' }),
      'InvalidReadingOrder',
      'zigzag',
    ],
    [
      'maxCandidates 0',
      () => client.describe(IMAGE, { maxCandidates: 0 }),
      'BadArgument',
      'maxCandidates',
    ],
    ['empty model', () => client.analyzeByDomain('', IMAGE), 'InvalidModel', 'model'],
  ])('%s', async (_name, call, code, mentions) => {
    const err = await failure(call());
    expect(err).toMatchObject({ name: 'InvalidInputError', kind: 'invalid_input', code });
    expect(err.message).toContain(mentions);
  });

  it('bad options fail fast naming the setting', () => {
    expect(() => createVisionClient({ endpoint: 'not a url', key: KEY })).toThrow(/endpoint/);
    expect(() => createVisionClient({ endpoint: 'http://x', key: '' })).toThrow(/key/);
    expect(() => createVisionClient({ endpoint: 'http://x', key: 'abc\r\nX-Injected: 1' })).toThrow(
      /key: expected no control characters/,
    );
    expect(() =>
      createVisionClient({ endpoint: 'http://x', key: KEY, retry: { maxRetries: -1 } }),
    ).toThrow(/retry\.maxRetries/);
    expect(() =>
      createVisionClient({ endpoint: 'http://x', key: KEY, rateLimit: { requestsPerSecond: 0 } }),
    ).toThrow(/rateLimit\.requestsPerSecond/);
    expect(() => createVisionClient({ endpoint: 'http://x', key: KEY, maxConcurrency: 0 })).toThrow(
      /maxConcurrency/,
    );
  });
});

describe('the key never leaks', () => {
  it('keeps the error classified when the key is part of a word of its own vocabulary', async () => {
    // 'work' is inside kind 'network' and name 'NetworkError': only upstream text is redacted.
    const refused = createVisionClient({
      endpoint: `http://127.0.0.1:${await refusedPort()}`,
      key: 'work',
      retry: { maxRetries: 0 },
    });
    expect(await failure(refused.tag(IMAGE))).toMatchObject({
      name: 'NetworkError',
      kind: 'network',
      code: 'ECONNREFUSED',
    });
    await refused.close();
  });

  it('appears in no error, message, stack or event for any error kind', async () => {
    const { client, events } = setup({ timeouts: { headersMs: 100 }, retry: { maxRetries: 0 } });
    const errors: VisionError[] = [];
    // The server echoes the key back, as a careless proxy might.
    const echo = (status: number) =>
      server.handle((req, res) =>
        json(res, status, {
          error: {
            code: `E${req.headers['ocp-apim-subscription-key']}`,
            message: `bad key ${req.headers['ocp-apim-subscription-key']}`,
          },
        }),
      );
    for (const status of [401, 429, 400, 500]) {
      echo(status);
      errors.push(await failure(client.tag(IMAGE)));
    }
    server.handle(() => undefined);
    errors.push(await failure(client.tag(IMAGE))); // timeout
    errors.push(await failure(client.tag(IMAGE, { signal: AbortSignal.abort() }))); // aborted
    errors.push(await failure(client.tag(new Uint8Array(0)))); // invalid input, client-side
    const refused = createVisionClient({
      endpoint: `http://127.0.0.1:${await refusedPort()}`,
      key: KEY,
      retry: { maxRetries: 0 },
      onAttempt: (e) => events.push(e),
    });
    errors.push(await failure(refused.tag(IMAGE))); // network
    await refused.close();
    server.handle((req, res) =>
      req.method === 'POST'
        ? (res.writeHead(202, { 'operation-location': `${server.url}/x/${KEY}` }), res.end())
        : json(res, 200, { status: 'failed' }),
    );
    errors.push(await failure(client.readAndWait(IMAGE, { polling: { initialDelayMs: 0 } }))); // read failed
    server.handle((req, res) =>
      req.method === 'POST'
        ? (res.writeHead(202, { 'operation-location': `${server.url}/x/op` }), res.end())
        : json(res, 200, { status: 'running' }),
    );
    errors.push(
      await failure(
        client.readAndWait(IMAGE, {
          polling: { initialDelayMs: 0, intervalMs: 10, timeoutMs: 15 },
        }),
      ),
    ); // polling timeout

    expect(new Set(errors.map((e) => e.kind))).toEqual(
      new Set([
        'authentication',
        'rate_limit',
        'invalid_input',
        'upstream',
        'timeout',
        'aborted',
        'network',
      ]),
    );
    expect(errors.map((e) => e.name)).toContain('ReadFailedError');
    expect(errors.map((e) => e.name)).toContain('PollingTimeoutError');
    for (const err of errors) {
      for (const text of [JSON.stringify(err), err.message, err.stack ?? '', String(err)])
        expect(text).not.toContain(KEY);
    }
    expect(events.length).toBeGreaterThan(8);
    expect(JSON.stringify(events)).not.toContain(KEY);
    expect(events.map((e) => e.error?.message ?? '').join('\n')).not.toContain(KEY);
    await client.close();
  });
});
