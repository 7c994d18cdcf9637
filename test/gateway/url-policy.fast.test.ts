// The image-URL policy as a user of `pnpm start` meets it: a gateway with its embedded emulator
// reads nothing on loopback (the "secret on 127.0.0.1" attack), its own /examples/ still
// work, and EMULATOR_ALLOW_PRIVATE_URLS opens loopback for local development.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { startGateway, type RunningGateway } from '@visiongraph/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = new URL('../../testdata/images/tjs-testocr.png', import.meta.url);
let secret: Server;
let secretUrl: string;
const secretHits: string[] = [];
let closed: RunningGateway;

beforeAll(async () => {
  const png = await readFile(SECRET);
  secret = createServer((req, res) => {
    secretHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  await new Promise<void>((resolve) => secret.listen(0, '127.0.0.1', resolve));
  secretUrl = `http://127.0.0.1:${(secret.address() as AddressInfo).port}/secret.png`;
  closed = await startGateway({ port: 0, host: '127.0.0.1', logLevel: 'silent' });
});
afterAll(async () => {
  await closed?.close();
  secret?.closeAllConnections();
  await new Promise((resolve) => secret?.close(resolve));
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
      `http://localhost:${port}/secret.png`,
      `http://2130706433:${port}/secret.png`,
      `http://[::ffff:7f00:1]:${port}/secret.png`,
      `http://127.0.0.1.:${port}/secret.png`,
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
    expect(secretHits).toEqual([]);
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
      expect(body.data?.['image']?.format).toBe('Png');
      expect(secretHits.length).toBeGreaterThan(0);
    } finally {
      await open.close();
    }
  });
});
