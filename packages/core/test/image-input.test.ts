import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVisionClient, type ImageInput, type VisionClient } from '../src/index.js';
import { json, startLoopback, type Loopback } from './helpers/loopback-server.js';

const BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 42];
let server: Loopback;
let client: VisionClient;
beforeAll(async () => {
  server = await startLoopback();
  client = createVisionClient({ endpoint: server.url, key: 'img-key' });
});
afterAll(async () => {
  await client.close();
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.handle((_req, res) => json(res, 200, {}));
});

const webStream = () =>
  new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new Uint8Array(BYTES.slice(0, 4)));
      c.enqueue(new Uint8Array(BYTES.slice(4)));
      c.close();
    },
  });

describe('image inputs', () => {
  it.each<[string, () => ImageInput]>([
    ['Uint8Array', () => new Uint8Array(BYTES)],
    ['Buffer', () => Buffer.from(BYTES)],
    ['ArrayBuffer', () => new Uint8Array(BYTES).buffer],
    [
      'a view into a larger buffer',
      () => new Uint8Array([0, ...BYTES, 0]).subarray(1, BYTES.length + 1),
    ],
    ['Blob', () => new Blob([new Uint8Array(BYTES)], { type: 'image/png' })],
    ['web ReadableStream', webStream],
    [
      'Node Readable',
      () => Readable.from([Buffer.from(BYTES.slice(0, 3)), Buffer.from(BYTES.slice(3))]),
    ],
  ])('%s is sent as octet-stream bytes', async (_name, make) => {
    await client.detect(make());
    const req = server.requests[0]!;
    expect(req.headers['content-type']).toBe('application/octet-stream');
    expect([...req.body]).toEqual(BYTES);
  });

  it('a stream that fails while being read gives InvalidInputError ImageReadError and sends nothing', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('disk went away'));
      },
    });
    await expect(client.detect(broken)).rejects.toMatchObject({
      kind: 'invalid_input',
      code: 'ImageReadError',
      message: expect.stringContaining('disk went away'),
    });
    expect(server.requests).toHaveLength(0);
  });

  it.each<[string, ImageInput]>([
    ['string', 'https://images.example/a b.jpg'],
    ['URL', new URL('https://images.example/a b.jpg')],
  ])('a %s is sent as JSON {url}', async (_name, image) => {
    await client.detect(image);
    const req = server.requests[0]!;
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString())).toEqual({ url: 'https://images.example/a%20b.jpg' });
  });
});
