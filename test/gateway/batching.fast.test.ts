import { describe, expect, it } from 'vitest';
import {
  countByOperation,
  listParam,
  stubEmulator,
  useStack,
  type Stack,
} from './helpers/stack.js';

// Upstream call counts for real queries: gateway and emulator over loopback HTTP, counted by
// the emulator's onRequest hook. The emulator runs its stub backend (no models): its answers
// follow from each image's size by fixed rules (packages/emulator/src/stub-backend.ts), so the
// values that travel through the gateway are known exactly.
const stack = useStack({}, stubEmulator());

/** What the stub answers for csdf-dog.jpg (600x450 JPEG). */
const DOG = {
  caption: { text: 'a 600x450 jpeg image', confidence: 1 },
  tags: [
    { name: 'landscape', confidence: 1 },
    { name: 'jpeg', confidence: 1 },
  ],
  objects: [{ name: 'rectangle', rectangle: { x: 0, y: 0, width: 600, height: 450 } }],
  faces: [{ age: 30, rectangle: { x: 150, y: 112, width: 300, height: 225 } }],
  landmarks: [],
  celebrities: [],
};

const EVERYTHING = `
  fragment Everything on Image {
    caption { text confidence }
    tags { name confidence }
    objects { name rectangle { x y width height } }
    faces { age rectangle { x y width height } }
    color { dominantColors isBlackAndWhite }
    landmarks { name confidence }
    celebrities { name confidence }
  }`;

const THREE_IMAGES = `
  query ThreeImages($a: URL!, $b: URL!) {
    first: image(url: $a) { ...Everything }
    again: image(url: $a) { caption { text } tags { name } }
    list: images(urls: [$b, $a]) { ...Everything }
  }
  ${EVERYTHING}`;

describe('upstream calls per query', { timeout: 120_000 }, () => {
  it('asks every analyze feature of 3 images (one URL repeated) in exactly 2 analyze calls', async () => {
    const a = stack.image('csdf-dog.jpg');
    const b = stack.image('csdf-faces.jpg');
    const { calls, ...result } = await stack.gqlWithCalls(THREE_IMAGES, { a, b });
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(countByOperation(calls)).toEqual({ analyze: 2 });
    for (const call of calls) {
      expect(listParam(call, 'visualFeatures')).toEqual(
        expect.arrayContaining(['Color', 'Description', 'Faces', 'Objects', 'Tags']),
      );
      expect(listParam(call, 'visualFeatures')).not.toContain('Adult');
      expect(listParam(call, 'details')).toEqual(['Celebrities', 'Landmarks']);
    }
    const data = result.body.data!;
    expect(data['first']).toEqual({ ...DOG, color: expect.any(Object) });
    expect(data['again']).toEqual({
      caption: { text: DOG.caption.text },
      tags: [{ name: 'landscape' }, { name: 'jpeg' }],
    });
    expect(data['list'][1]).toEqual(data['first']);
    // csdf-faces.jpg is 600x462: the stub's face is its centre quarter.
    expect(data['list'][0].faces).toEqual([
      { age: 30, rectangle: { x: 150, y: 115, width: 300, height: 231 } },
    ]);
  });

  it('answers the same query again from the cache, with 0 calls', async () => {
    const a = stack.image('csdf-dog.jpg');
    const b = stack.image('csdf-faces.jpg');
    const { calls, ...first } = await stack.gqlWithCalls(THREE_IMAGES, { a, b });
    expect(calls).toEqual([]);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!['first'].caption).toEqual(DOG.caption);
  });

  it('fetches only the missing feature when adult is added: 1 call asking only Adult', async () => {
    const a = stack.image('csdf-dog.jpg');
    const query = `query WithAdult($a: URL!) { image(url: $a) { caption { text } tags { name } adult { isAdult adultScore } } }`;
    const { calls, ...result } = await stack.gqlWithCalls(query, { a });
    expect(countByOperation(calls)).toEqual({ analyze: 1 });
    expect(listParam(calls[0], 'visualFeatures')).toEqual(['Adult']);
    expect(listParam(calls[0], 'details')).toEqual([]);
    expect(result.body.data!['image'].adult).toEqual({ isAdult: false, adultScore: 0 });
  });

  it('serves two concurrent identical queries with one set of calls', async () => {
    const query = `query Pair($a: URL!, $b: URL!) { images(urls: [$a, $b]) { caption { text } objects { name } } }`;
    const variables = { a: stack.image('csdf-objects.jpg'), b: stack.image('csdf-house.jpg') };
    let results: Array<Awaited<ReturnType<Stack['gql']>>> = [];
    const calls = await stack.callsDuring(async () => {
      results = await Promise.all([stack.gql(query, variables), stack.gql(query, variables)]);
    });
    expect(countByOperation(calls)).toEqual({ analyze: 2 });
    expect(results[0]!.body.errors).toBeUndefined();
    expect(results[1]!.body.data).toEqual(results[0]!.body.data);
    // One of them paid for the calls; the other joined them (saved by in-flight sharing).
    const costs = results.map((r) => r.body.extensions?.['transactions'] as Record<string, number>);
    expect(costs.map((c) => c['spent']).sort()).toEqual([0, 4]);
    expect(costs.map((c) => c['saved']).sort()).toEqual([0, 4]);
  });

  it('makes 1 thumbnail call for a thumbnail asked twice at one size', async () => {
    const query = `query Thumbs($a: URL!) {
      image(url: $a) {
        small: thumbnail(width: 64, height: 48) { width height contentType byteSize }
        again: thumbnail(width: 64, height: 48) { base64 }
      }
    }`;
    const { calls, ...result } = await stack.gqlWithCalls(query, {
      a: stack.image('skimage-astronaut.png'),
    });
    expect(countByOperation(calls)).toEqual({ generateThumbnail: 1 });
    expect(calls[0]?.query).toMatchObject({ width: '64', height: '48' });
    const image = result.body.data!['image'];
    expect(image.small).toMatchObject({
      width: 64,
      height: 48,
      contentType: expect.stringMatching(/^image\/(png|jpeg)$/),
    });
    const bytes = Buffer.from(image.again.base64, 'base64');
    expect(bytes.length).toBe(image.small.byteSize);
    // The bytes are an image of the type the response claims.
    const magic =
      image.small.contentType === 'image/png' ? [0x89, 0x50, 0x4e, 0x47] : [0xff, 0xd8, 0xff];
    expect([...bytes.subarray(0, magic.length)]).toEqual(magic);
  });

  it('makes 1 read submission plus its polls for text', async () => {
    const query = `query Text($a: URL!) { image(url: $a) { text { text } } }`;
    const { calls, ...result } = await stack.gqlWithCalls(query, {
      a: stack.image('tjs-testocr.png'),
    });
    const counts = countByOperation(calls);
    expect(Object.keys(counts).sort()).toEqual(['getReadResult', 'read']);
    expect(counts['read']).toBe(1);
    expect(counts['getReadResult']).toBeGreaterThanOrEqual(1);
    expect(calls[0]?.operation).toBe('read');
    // The stub reads no lines (real OCR is checked against TRUTH.md in the emulator's tests).
    expect(result.body.data!['image'].text).toEqual({ text: '' });
  });
});
