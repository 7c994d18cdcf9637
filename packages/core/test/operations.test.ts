import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVisionClient, type AttemptEvent, type VisionClient } from '../src/index.js';
import { json, startLoopback, type Loopback } from './helpers/loopback-server.js';
import { exampleBody } from './helpers/spec-example.js';

const KEY = 'test-key-0123456789abcdef';
const IMAGE_URL = 'https://images.example/cat.jpg';
let server: Loopback;
let client: VisionClient;

beforeAll(async () => {
  server = await startLoopback();
  client = createVisionClient({ endpoint: server.url, key: KEY });
});
afterAll(async () => {
  await client.close();
  await server.close();
});
beforeEach(() => server.reset());

/** Answers every request with one example body and returns what the server received. */
function answerWith(file: string) {
  const body = exampleBody(file);
  server.handle((_req, res) => json(res, 200, body, { 'apim-request-id': 'hdr-req-id' }));
  return body;
}

/** The single request the server saw; a POST must carry IMAGE_URL as JSON unless `bytes` is set. */
function onlyRequest(bytes = false) {
  expect(server.requests).toHaveLength(1);
  const req = server.requests[0]!;
  expect(req.headers['ocp-apim-subscription-key']).toBe(KEY);
  if (req.method === 'POST' && !bytes) {
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString())).toEqual({ url: IMAGE_URL });
  }
  return req;
}

describe('one call per v3.2 operation', () => {
  it('analyze sends every list parameter as csv and the URL as JSON', async () => {
    const expected = answerWith('SuccessfulAnalyzeImageWithUrl.json');
    const result = await client.analyze(IMAGE_URL, {
      visualFeatures: [
        'Categories',
        'Tags',
        'Description',
        'Faces',
        'ImageType',
        'Color',
        'Adult',
        'Objects',
        'Brands',
      ],
      details: ['Celebrities', 'Landmarks'],
      language: 'en',
      descriptionExclude: ['Celebrities'],
      modelVersion: '2021-05-01',
    });
    expect(result).toEqual(expected);
    const req = onlyRequest();
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/vision/v3.2/analyze');
    expect(req.query).toEqual({
      visualFeatures: 'Categories,Tags,Description,Faces,ImageType,Color,Adult,Objects,Brands',
      details: 'Celebrities,Landmarks',
      language: 'en',
      descriptionExclude: 'Celebrities',
      'model-version': '2021-05-01',
    });
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString())).toEqual({ url: IMAGE_URL });
  });

  it('analyze with bytes sends them as octet-stream and no query when no options', async () => {
    answerWith('SuccessfulAnalyzeImageWithStream.json');
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await client.analyze(bytes);
    const req = onlyRequest(true);
    expect(req.path).toBe('/vision/v3.2/analyze');
    expect(req.query).toEqual({});
    expect(req.headers['content-type']).toBe('application/octet-stream');
    expect(req.body.equals(bytes)).toBe(true);
  });

  it('describe sends maxCandidates, language and descriptionExclude', async () => {
    const expected = answerWith('SuccessfulDescribeImageWithUrl.json');
    const result = await client.describe(IMAGE_URL, {
      maxCandidates: 3,
      language: 'es',
      descriptionExclude: ['Landmarks'],
    });
    expect(result).toEqual(expected);
    const req = onlyRequest();
    expect([req.method, req.path]).toEqual(['POST', '/vision/v3.2/describe']);
    expect(req.query).toEqual({
      maxCandidates: '3',
      language: 'es',
      descriptionExclude: 'Landmarks',
    });
  });

  it('tag sends language', async () => {
    const expected = answerWith('SuccessfulTagImageWithUrl.json');
    expect(await client.tag(IMAGE_URL, { language: 'ja' })).toEqual(expected);
    const req = onlyRequest();
    expect([req.method, req.path, req.query]).toEqual([
      'POST',
      '/vision/v3.2/tag',
      { language: 'ja' },
    ]);
  });

  it('detect posts the image', async () => {
    const expected = answerWith('SuccessfulDetectObjectsWithUrl.json');
    const result = await client.detect(IMAGE_URL);
    expect(result).toEqual(expected);
    expect(result.objects?.[0]?.rectangle).toBeDefined();
    const req = onlyRequest();
    expect([req.method, req.path, req.query]).toEqual(['POST', '/vision/v3.2/detect', {}]);
  });

  it('listModels is a GET without body or model-version', async () => {
    const expected = answerWith('SuccessfulListModels.json');
    expect(await client.listModels()).toEqual(expected);
    const req = onlyRequest();
    expect([req.method, req.path, req.query, req.body.length]).toEqual([
      'GET',
      '/vision/v3.2/models',
      {},
      0,
    ]);
    expect(req.headers['content-type']).toBeUndefined();
  });

  it('analyzeByDomain puts the model in the path', async () => {
    const expected = answerWith('SuccessfulAnalyzeImageByDomainWithUrl.json');
    expect(await client.analyzeByDomain('celebrities', IMAGE_URL, { language: 'en' })).toEqual(
      expected,
    );
    const req = onlyRequest();
    expect([req.method, req.path, req.query]).toEqual([
      'POST',
      '/vision/v3.2/models/celebrities/analyze',
      { language: 'en' },
    ]);
  });

  it('areaOfInterest posts the image', async () => {
    const expected = answerWith('SuccessfulGetAreaOfInterestWithUrl.json');
    expect(await client.areaOfInterest(IMAGE_URL)).toEqual(expected);
    const req = onlyRequest();
    expect([req.method, req.path]).toEqual(['POST', '/vision/v3.2/areaOfInterest']);
  });

  it('ocr sends language and detectOrientation', async () => {
    const expected = answerWith('SuccessfulRecognizePrintedTextWithUrl.json');
    expect(await client.ocr(IMAGE_URL, { language: 'en', detectOrientation: true })).toEqual(
      expected,
    );
    const req = onlyRequest();
    expect([req.method, req.path, req.query]).toEqual([
      'POST',
      '/vision/v3.2/ocr',
      { language: 'en', detectOrientation: 'true' },
    ]);
  });

  it('generateThumbnail returns the bytes and content type', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 9, 8, 7, 0xff, 0xd9]);
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'apim-request-id': 'thumb-1' });
      res.end(jpeg);
    });
    const thumb = await client.generateThumbnail(IMAGE_URL, {
      width: 100,
      height: 50,
      smartCropping: true,
    });
    expect(Buffer.from(thumb.data).equals(jpeg)).toBe(true);
    expect(thumb.contentType).toBe('image/jpeg');
    expect(thumb.requestId).toBe('thumb-1');
    const req = onlyRequest();
    expect([req.method, req.path, req.query]).toEqual([
      'POST',
      '/vision/v3.2/generateThumbnail',
      { width: '100', height: '50', smartCropping: 'true' },
    ]);
  });

  it('read submits and returns the operation id from Operation-Location', async () => {
    const location = `${server.url}/vision/v3.2/read/analyzeResults/0f6a3b1c-0000-4000-8000-000000000001`;
    server.handle((_req, res) => {
      res.writeHead(202, { 'operation-location': location, 'apim-request-id': 'read-1' });
      res.end();
    });
    const sub = await client.read(IMAGE_URL, {
      language: 'en',
      pages: ['1', '3-5'],
      readingOrder: 'natural',
      modelVersion: '2022-04-30',
    });
    expect(sub).toEqual({
      operationId: '0f6a3b1c-0000-4000-8000-000000000001',
      operationLocation: location,
      requestId: 'read-1',
    });
    const req = onlyRequest();
    expect([req.method, req.path]).toEqual(['POST', '/vision/v3.2/read/analyze']);
    expect(req.query).toEqual({
      language: 'en',
      pages: '1,3-5',
      readingOrder: 'natural',
      'model-version': '2022-04-30',
    });
  });

  it('getReadResult accepts an id or a location and fetches from its own endpoint', async () => {
    const expected = answerWith('SuccessfulGetReadResult.json');
    const byId = await client.getReadResult('abc-123');
    const byLocation = await client.getReadResult(
      'https://elsewhere.example/vision/v3.2/read/analyzeResults/abc-123',
    );
    expect(byId).toEqual(expected);
    expect(byLocation).toEqual(expected);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /vision/v3.2/read/analyzeResults/abc-123',
      'GET /vision/v3.2/read/analyzeResults/abc-123',
    ]);
    expect(server.requests.every((r) => r.headers['ocp-apim-subscription-key'] === KEY)).toBe(true);
  });

  it('reports each attempt to onAttempt with the request id from the headers', async () => {
    const events: AttemptEvent[] = [];
    const observed = createVisionClient({
      endpoint: server.url,
      key: KEY,
      onAttempt: (e) => events.push(e),
    });
    answerWith('SuccessfulTagImageWithUrl.json');
    await observed.analyze(IMAGE_URL, { visualFeatures: ['Tags'] });
    await observed.close();
    expect(events).toEqual([
      {
        operation: 'analyze',
        method: 'POST',
        path: '/vision/v3.2/analyze?visualFeatures=Tags',
        attempt: 1,
        status: 200,
        durationMs: expect.any(Number),
        requestId: 'hdr-req-id',
        willRetry: false,
      },
    ]);
    expect(observed.stats()).toEqual({
      attempts: 1,
      retries: 0,
      inFlight: 0,
      queued: 0,
      circuit: 'closed',
    });
  });

  it('sends through a dispatcher you pass and leaves it open on close()', async () => {
    const agent = new Agent({ keepAliveTimeout: 100 });
    const dispatched: string[] = [];
    agent.on('connect', (origin) => dispatched.push(String(origin)));
    answerWith('SuccessfulTagImageWithUrl.json');
    const first = createVisionClient({ endpoint: server.url, key: KEY, dispatcher: agent });
    await first.tag(IMAGE_URL);
    await first.close();
    const second = createVisionClient({ endpoint: server.url, key: KEY, dispatcher: agent });
    await second.tag(IMAGE_URL); // would fail if close() had closed the shared agent
    await second.close();
    expect(new Set(dispatched)).toEqual(new Set([`${server.url}/`])); // connections came from our agent
    expect(server.requests).toHaveLength(2);
    await agent.close();
  });

  it('keeps a path prefix of the endpoint', async () => {
    const prefixed = createVisionClient({ endpoint: `${server.url}/proxy/`, key: KEY });
    answerWith('SuccessfulTagImageWithUrl.json');
    await prefixed.tag(IMAGE_URL);
    await prefixed.close();
    const withApiPath = createVisionClient({ endpoint: `${server.url}/vision/v3.2/`, key: KEY });
    await withApiPath.tag(IMAGE_URL);
    await withApiPath.close();
    expect(server.requests.map((r) => r.path)).toEqual([
      '/proxy/vision/v3.2/tag',
      '/vision/v3.2/tag',
    ]);
  });
});
