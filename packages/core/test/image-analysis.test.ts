import { describe, expect, it } from 'vitest';
import {
  createVisionClient,
  TokenBucket,
  type AttemptEvent,
  type VisionClientOptions,
} from '../src/index.js';
import { json, useLoopback } from './helpers/loopback-server.js';
import { recordingClock } from './helpers/recording-clock.js';
import { ia40ExampleBody } from './helpers/spec-example.js';

const KEY = 'ia40-key-7d2e9b';
const IMAGE_URL = 'https://images.example/street.jpg';
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

/** Azure.Core's error body as Image Analysis 4.0 sends it, with its x-ms-error-code header. */
function azureCoreError(status: number, code: string, message: string, inner?: string) {
  return (_req: unknown, res: Parameters<typeof json>[0]) =>
    json(
      res,
      status,
      { error: { code, message, ...(inner && { innererror: { code: inner } }) } },
      { 'x-ms-error-code': code, 'apim-request-id': 'req-4-0' },
    );
}

describe('analyzeImage (Image Analysis 4.0)', () => {
  it('posts a URL as JSON to /computervision/imageanalysis:analyze with every option', async () => {
    const body = ia40ExampleBody('AnalyzeFromUrl_MaximumSet_Gen.json');
    server.handle((_req, res) => json(res, 200, body));
    const { client } = setup();
    const result = await client.analyzeImage(IMAGE_URL, {
      features: ['caption', 'denseCaptions', 'tags', 'objects', 'people', 'smartCrops', 'read'],
      language: 'en',
      genderNeutralCaption: true,
      smartCropsAspectRatios: [0.75, 1, 1.8],
      modelVersion: '2023-10-01',
    });
    expect(result).toEqual(body);
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/computervision/imageanalysis:analyze');
    expect(req.query).toEqual({
      'api-version': '2023-10-01',
      features: 'caption,denseCaptions,tags,objects,people,smartCrops,read',
      language: 'en',
      'gender-neutral-caption': 'true',
      'smartcrops-aspect-ratios': '0.75,1,1.8',
      'model-version': '2023-10-01',
    });
    expect(req.headers['ocp-apim-subscription-key']).toBe(KEY);
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString())).toEqual({ url: IMAGE_URL });
    await client.close();
  });

  it('posts bytes as octet-stream, also when the endpoint was given with /computervision', async () => {
    const body = ia40ExampleBody('AnalyzeFromBuffer_MaximumSet_Gen.json');
    server.handle((_req, res) => json(res, 200, body));
    const { client } = setup({ endpoint: `${server.url}/computervision/` });
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);
    const result = await client.analyzeImage(bytes, { features: ['people'] });
    expect(result.metadata).toEqual(body.metadata);
    const req = server.requests[0]!;
    expect(req.path).toBe('/computervision/imageanalysis:analyze');
    expect(req.query).toEqual({ 'api-version': '2023-10-01', features: 'people' });
    expect(req.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.compare(req.body, bytes)).toBe(0);
    await client.close();
  });

  it('rejects bad arguments before sending, with the codes Azure would use', async () => {
    const { client } = setup();
    const cases: Array<[Parameters<typeof client.analyzeImage>[1], string]> = [
      [{ features: [] }, 'InvalidRequest'],
      [{ features: ['faces' as 'tags'] }, 'NotSupportedVisualFeature'],
      [{ features: ['smartCrops'], smartCropsAspectRatios: [0.5] }, 'BadArgument'],
      [{ features: ['smartCrops'], smartCropsAspectRatios: [1.81] }, 'BadArgument'],
      [{ features: ['smartCrops'], smartCropsAspectRatios: [Number.NaN] }, 'BadArgument'],
    ];
    for (const [options, code] of cases) {
      await expect(client.analyzeImage(IMAGE_URL, options)).rejects.toMatchObject({
        name: 'InvalidInputError',
        kind: 'invalid_input',
        code,
      });
    }
    expect(server.requests).toHaveLength(0);
    await client.close();
  });

  it("maps Azure.Core's error body onto the same typed errors, inner code first", async () => {
    const { client } = setup();
    server.handle(
      azureCoreError(400, 'InvalidRequest', 'Analyze query is invalid', 'NotSupportedLanguage'),
    );
    await expect(
      client.analyzeImage(IMAGE_URL, { features: ['tags'], language: 'xx' }),
    ).rejects.toMatchObject({
      name: 'InvalidInputError',
      code: 'NotSupportedLanguage',
      status: 400,
      requestId: 'req-4-0',
      operation: 'imageAnalysis',
    });
    // Without an inner error the top-level code stands; with no body code the header fills in.
    server.handle(
      azureCoreError(
        400,
        'InvalidRequest',
        'The image size is not allowed to be zero or larger than 20971520 bytes',
      ),
    );
    await expect(client.analyzeImage(IMAGE_URL, { features: ['caption'] })).rejects.toMatchObject({
      code: 'InvalidRequest',
      status: 400,
    });
    server.handle((_req, res) => json(res, 404, {}, { 'x-ms-error-code': 'NotFound' }));
    await expect(client.analyzeImage(IMAGE_URL, { features: ['caption'] })).rejects.toMatchObject({
      name: 'InvalidInputError',
      code: 'NotFound',
      status: 404,
    });
    server.handle(azureCoreError(401, '401', 'Access denied due to invalid subscription key'));
    await expect(client.analyzeImage(IMAGE_URL, { features: ['caption'] })).rejects.toMatchObject({
      name: 'AuthenticationError',
      code: '401',
    });
    await client.close();
  });

  it('retries 429 and 5xx like v3.2, honouring Retry-After, and reports the 4.0 path', async () => {
    let n = 0;
    server.handle((req, res) => {
      n++;
      if (n === 1)
        return json(
          res,
          429,
          { error: { code: '429', message: 'slow down' } },
          {
            'retry-after': '2',
          },
        );
      if (n === 2) return azureCoreError(503, 'ServiceUnavailable', 'busy')(req, res);
      return json(res, 200, { metadata: { width: 10, height: 10 }, modelVersion: '2023-10-01' });
    });
    const { client, sleeps, events } = setup({ retry: { baseDelayMs: 100 } });
    const result = await client.analyzeImage(IMAGE_URL, { features: ['tags'] });
    expect(result.modelVersion).toBe('2023-10-01');
    expect(server.requests).toHaveLength(3);
    // Retry-After 2 s plus 0.5 of its 400 ms spread, then backoff.
    expect(sleeps).toEqual([2200, 100]);
    expect(events.map((e) => [e.status, e.willRetry])).toEqual([
      [429, true],
      [503, true],
      [200, false],
    ]);
    expect(events[0]?.path).toBe(
      '/computervision/imageanalysis:analyze?api-version=2023-10-01&features=tags',
    );
    await client.close();
  });

  it('shares the rate limiter with the v3.2 operations', async () => {
    server.handle((req, res) =>
      req.path.startsWith('/computervision')
        ? json(res, 200, { metadata: { width: 1, height: 1 }, modelVersion: 'x' })
        : json(res, 200, { tags: [] }),
    );
    const { clock, sleeps } = recordingClock({ virtual: true });
    const limiter = new TokenBucket({ requestsPerSecond: 2, burst: 1, clock });
    const client = createVisionClient({
      endpoint: server.url,
      key: KEY,
      clock,
      rateLimit: limiter,
    });
    await client.analyzeImage(IMAGE_URL, { features: ['tags'] });
    await client.tag(IMAGE_URL);
    await client.analyzeImage(IMAGE_URL, { features: ['caption'] });
    // Burst 1 at 2/s: the second and third calls each wait half a second.
    expect(sleeps.filter((ms) => ms > 0)).toEqual([500, 500]);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/computervision/imageanalysis:analyze',
      '/vision/v3.2/tag',
      '/computervision/imageanalysis:analyze',
    ]);
    await client.close();
  });
});
