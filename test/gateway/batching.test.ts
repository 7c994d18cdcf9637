import { describe, expect, it } from 'vitest';
import { countByOperation, listParam, useStack, type Stack } from './helpers/stack.js';

// Upstream call counts for real queries: gateway and emulator over loopback HTTP, counted by
// the emulator's onRequest hook.
const stack = useStack();

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
    expect(data['first'].caption.text).toEqual(expect.any(String));
    expect(data['again'].caption).toEqual({ text: data['first'].caption.text });
    expect(data['list'][1]).toEqual(data['first']);
    expect(data['list'][0].faces.length).toBeGreaterThan(0);
    expect(data['first'].tags.length).toBeGreaterThan(0);
  });

  it('answers the same query again from the cache, with 0 calls', async () => {
    const a = stack.image('csdf-dog.jpg');
    const b = stack.image('csdf-faces.jpg');
    const { calls, ...first } = await stack.gqlWithCalls(THREE_IMAGES, { a, b });
    expect(calls).toEqual([]);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!['first'].caption.text).toEqual(expect.any(String));
  });

  it('fetches only the missing feature when adult is added: 1 call asking only Adult', async () => {
    const a = stack.image('csdf-dog.jpg');
    const query = `query WithAdult($a: URL!) { image(url: $a) { caption { text } tags { name } adult { isAdult adultScore } } }`;
    const { calls, ...result } = await stack.gqlWithCalls(query, { a });
    expect(countByOperation(calls)).toEqual({ analyze: 1 });
    expect(listParam(calls[0], 'visualFeatures')).toEqual(['Adult']);
    expect(listParam(calls[0], 'details')).toEqual([]);
    expect(result.body.data!['image'].adult).toEqual({
      isAdult: false,
      adultScore: expect.any(Number),
    });
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
    expect(results[1]!.body).toEqual(results[0]!.body);
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
    expect(result.body.data!['image'].text.text).toMatch(/quick brown dog/i);
  });
});
