// The image-URL policy as a user of `pnpm start` meets it: a gateway with its embedded emulator
// reads nothing on loopback (the "secret on 127.0.0.1" attack), its own /examples/ still
// work, and EMULATOR_ALLOW_PRIVATE_URLS opens loopback for local development.
import { startGateway, type RunningGateway } from '@visiongraph/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestImages, type TestImageServer } from '../../testdata/serve-images.js';

// The "secret": a test image on a loopback server, which counts every request it gets.
let secret: TestImageServer;
let secretUrl: string;
let closed: RunningGateway;

beforeAll(async () => {
  secret = await serveTestImages();
  secretUrl = secret.urlOf('tjs-testocr.png');
  closed = await startGateway({ port: 0, host: '127.0.0.1', logLevel: 'silent' });
});
afterAll(async () => {
  await closed?.close();
  await secret?.close();
});

async function gql(gateway: RunningGateway, query: string) {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: Record<string, any>;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

describe('embedded emulator, default settings', { timeout: 120_000 }, () => {
  it('refuses loopback image URLs in any spelling, without connecting to them', async () => {
    const port = new URL(secretUrl).port;
    const urls = [
      secretUrl,
      `http://localhost:${port}/tjs-testocr.png`,
      `http://2130706433:${port}/tjs-testocr.png`,
      `http://[::ffff:7f00:1]:${port}/tjs-testocr.png`,
      `http://127.0.0.1.:${port}/tjs-testocr.png`,
    ];
    const fields = urls.map((url, i) => `i${i}: image(url: "${url}") { width }`).join(' ');
    const body = await gql(closed, `{ ${fields} }`);
    for (let i = 0; i < urls.length; i += 1) expect(body.data?.[`i${i}`]).toEqual({ width: null });
    expect(body.errors).toHaveLength(urls.length);
    for (const error of body.errors ?? []) {
      expect(error.extensions?.['code']).toBe('INVALID_IMAGE');
      expect(error.extensions?.['upstreamCode']).toBe('InvalidImageUrl');
      expect(error.message).toBe(
        'The image could not be fetched, or is not an image the vision service accepts.',
      );
    }
    expect(secret.hits).toEqual([]);
  });

  it('still analyses its own /examples/ images (handed over as bytes)', async () => {
    const body = await gql(
      closed,
      `{ image(url: "${closed.url}/examples/csdf-dog.jpg") { width height format } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['image']).toEqual({ width: 600, height: 450, format: 'Jpeg' });
  });
});

describe('allowPrivateUrls (EMULATOR_ALLOW_PRIVATE_URLS=1)', { timeout: 120_000 }, () => {
  it('lets the embedded emulator fetch loopback images', async () => {
    const open = await startGateway({
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      allowPrivateUrls: true,
    });
    try {
      const body = await gql(open, `{ image(url: "${secretUrl}") { width format } }`);
      expect(body.errors).toBeUndefined();
      expect(body.data?.['image']).toEqual({ width: 640, format: 'Png' });
      expect(secret.hits).toEqual(['/tjs-testocr.png']); // fetched once, by this query
    } finally {
      await open.close();
    }
  });
});
