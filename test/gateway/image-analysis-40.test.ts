// Image Analysis 4.0 through the gateway, against the emulator over loopback HTTP: the batching
// rule (per image at most one 4.0 call and one v3.2 analyze), VISION_API routing of the fields
// both APIs answer, the caches kept apart, synchronous text under @defer, auto mode learning
// once that a resource has no 4.0, and coded errors with Azure's 4.0 codes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '@visiongraph/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMultipart } from './helpers/multipart.js';
import { countByOperation, listParam, startStack, TEST_KEY, useStack } from './helpers/stack.js';

// Models load on the first call (tens of seconds on a busy machine): no retry may count twice.
const PATIENT = {
  vision: { polling: { initialDelayMs: 20, intervalMs: 20 }, timeouts: { headersMs: 180_000 } },
};
const stack40 = useStack({ visionApi: '4.0', ...PATIENT });
const SLOW = { timeout: 180_000 };

const MIXED = `query Mixed($a: URL!) {
  image(url: $a) {
    width height
    caption { text confidence }
    tags { name }
    objects { name rectangle { x y width height } }
    faces { age }
    color { dominantColors }
    denseCaptions { text confidence rectangle { x y width height } }
    people { confidence rectangle { x y width height } }
    crops: smartCrops(aspectRatios: [1, 1.5]) { aspectRatio rectangle { x y width height } }
    tall: smartCrops(aspectRatios: [0.75]) { aspectRatio rectangle { x y width height } }
  }
}`;

const inside = (r: any, w: number, h: number) =>
  r.x >= 0 && r.y >= 0 && r.width > 0 && r.height > 0 && r.x + r.width <= w && r.y + r.height <= h;

describe('VISION_API=4.0', SLOW, () => {
  it('answers 4.0 and v3.2-only fields of one image with one 4.0 call and one analyze', async () => {
    const { calls, ...result } = await stack40.gqlWithCalls(MIXED, {
      a: stack40.image('csdf-faces.jpg'),
    });
    expect(result.body.errors).toBeUndefined();
    expect(countByOperation(calls)).toEqual({ imageAnalysis: 1, analyze: 1 });
    const ia = calls.find((c) => c.operation === 'imageAnalysis')!;
    expect(ia.query['features']!.split(',').sort()).toEqual(
      ['caption', 'denseCaptions', 'objects', 'people', 'smartCrops', 'tags'].sort(),
    );
    expect(ia.query['smartcrops-aspect-ratios']!.split(',').map(Number).sort()).toEqual([
      0.75, 1, 1.5,
    ]);
    // Only what 4.0 cannot answer goes to v3.2 (width and height ride on its metadata).
    const v32 = calls.find((c) => c.operation === 'analyze')!;
    expect(listParam(v32, 'visualFeatures')).toEqual(['Color', 'Faces']);
    const image = result.body.data!['image'];
    expect(image.people.length).toBeGreaterThanOrEqual(3);
    expect(image.denseCaptions[0].text).toBe(image.caption.text);
    expect(image.crops.map((c: any) => c.aspectRatio)).toEqual([1, 1.5]);
    expect(image.tall.map((c: any) => c.aspectRatio)).toEqual([0.75]);
    const boxes = [
      ...image.denseCaptions,
      ...image.people,
      ...image.crops,
      ...image.tall,
      ...image.objects,
    ].map((x: any) => x.rectangle);
    for (const r of boxes)
      expect(inside(r, image.width, image.height), JSON.stringify(r)).toBe(true);
  });

  it('delivers text from the synchronous 4.0 read under @defer, with no polling', async () => {
    const query = `query Deferred($a: URL!) {
      image(url: $a) { caption { text } ... @defer(label: "text") { text { text } } }
    }`;
    const calls = await stack40.callsDuring(async () => {
      const startedAt = performance.now();
      const response = await fetch(`${stack40.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
        body: JSON.stringify({ query, variables: { a: stack40.image('tjs-testocr.png') } }),
      });
      const parts = await readMultipart(response, startedAt);
      expect(parts[0]!.body['data'].image.caption.text).toEqual(expect.any(String));
      const inc = parts.flatMap((p) => p.body['incremental'] ?? []).find((i: any) => i.data?.text);
      expect(inc.label).toBe('text');
      expect(inc.data.text.text).toMatch(/quick brown dog/i);
    });
    expect(Object.keys(countByOperation(calls))).toEqual(['imageAnalysis']);
    expect(calls.some((c) => c.operation === 'read' || c.operation === 'getReadResult')).toBe(
      false,
    );
  });

  it('bad input: coded errors with the 4.0 code in upstreamCode; the other fields still answer', async () => {
    const { body } = await stack40.gql(
      `query Bad($a: URL!, $missing: URL!) {
        ok: image(url: $a) { people { confidence } smartCrops(aspectRatios: [2.5]) { aspectRatio } }
        gone: image(url: $missing) { people { confidence } }
      }`,
      { a: stack40.image('csdf-dog.jpg'), missing: stack40.image('no-such-image.jpg') },
    );
    expect(body.data!['ok'].people).toEqual(expect.any(Array));
    const byPath = new Map(body.errors!.map((e) => [e.path!.join('.'), e.extensions]));
    expect(byPath.get('ok.smartCrops')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'aspectRatios',
      upstreamCode: 'BadArgument',
    });
    expect(byPath.get('gone.people')).toMatchObject({
      code: 'INVALID_IMAGE',
      upstreamCode: 'InvalidImageUrl',
      upstreamStatus: 400,
    });
  });
});

describe('VISION_API=3.2 (the default) keeps the two APIs apart', SLOW, () => {
  const stack = useStack(PATIENT);
  it('shared fields go to v3.2; 4.0-only fields add one 4.0 call; caches stay apart', async () => {
    const a = stack.image('csdf-objects.jpg');
    const first = await stack.gqlWithCalls(
      `query A($a: URL!) { image(url: $a) { caption { text } tags { name } people { confidence } } }`,
      { a },
    );
    expect(first.body.errors).toBeUndefined();
    expect(countByOperation(first.calls)).toEqual({ analyze: 1, imageAnalysis: 1 });
    expect(first.calls.find((c) => c.operation === 'imageAnalysis')!.query['features']).toBe(
      'people',
    );
    // A gender-neutral caption only exists in 4.0: the cached v3.2 caption does not answer it.
    const second = await stack.gqlWithCalls(
      `query B($a: URL!) { image(url: $a) { caption(genderNeutral: true) { text } people { confidence } } }`,
      { a },
    );
    expect(countByOperation(second.calls)).toEqual({ imageAnalysis: 1 });
    expect(second.calls[0]!.query['features']).toBe('caption');
    expect(second.calls[0]!.query['gender-neutral-caption']).toBe('true');
    expect(second.body.data!['image'].caption.text).not.toMatch(/\b(man|woman|boy|girl)\b/);
  });
});

describe('VISION_API=auto', SLOW, () => {
  // A resource without 4.0: the emulator behind a proxy that answers /computervision with 404.
  let proxy: Server;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let stack: Awaited<ReturnType<typeof startStack>>;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1', key: TEST_KEY });
    const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      if (req.url?.startsWith('/computervision')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: '404', message: 'Resource not found' } }));
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const upstream = await fetch(emulator.url + req.url, {
        method: req.method!,
        headers: {
          'ocp-apim-subscription-key': TEST_KEY,
          'content-type': req.headers['content-type'] ?? 'application/json',
        },
        ...(chunks.length && { body: new Uint8Array(Buffer.concat(chunks)) }),
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
        'content-length': body.length,
      });
      res.end(body);
    };
    proxy = createServer((req, res) => {
      forward(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    stack = await startStack({
      ...PATIENT,
      visionApi: 'auto',
      visionEndpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    });
  });
  afterAll(async () => {
    await stack?.close();
    await new Promise((r) => proxy?.close(r));
    await emulator?.close();
  });

  it('learns once from a 404 that the resource has no 4.0 and answers from v3.2', async () => {
    const query = `query T($a: URL!) { image(url: $a) { caption { text } tags { name } } }`;
    const first = await stack.gql(query, { a: stack.image('csdf-dog.jpg') });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!['image'].caption.text).toEqual(expect.any(String));
    const second = await stack.gql(query, { a: stack.image('csdf-house.jpg') });
    expect(second.body.errors).toBeUndefined();
    // The gateway logs one attempt line per upstream call: one 404 in total, then only v3.2.
    const attempts = stack.logs.filter((l) => typeof l['path'] === 'string' && l['status']);
    expect(attempts.filter((l) => l['path'].startsWith('/computervision')).length).toBe(1);
    expect(attempts.filter((l) => l['path'].startsWith('/vision/v3.2/analyze')).length).toBe(2);
  });
});
