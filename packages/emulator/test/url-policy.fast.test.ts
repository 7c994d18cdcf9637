// The URL fetch policy over HTTP: closed by default (nothing on loopback is even connected to,
// whatever the spelling), opened by allowPrivateUrls, checked again on each redirect, and one
// generic message for every download failure.
import { createStubBackend } from '../src/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, expectAzureError } from './support/expect-azure.js';
import { startHarness, type Harness } from './support/harness.js';
import { startStaticServer, type StaticServer } from './support/static-server.js';

const GENERIC = 'Image URL is badly formatted or not accessible.';
const COLOR = '/vision/v3.2/analyze?visualFeatures=Color';
// The stub backend (no models): these tests are about HTTP, not analysis.
const backend = createStubBackend();
let closed: Harness;
let opened: Harness;
let files: StaticServer;

beforeAll(async () => {
  [closed, opened, files] = await Promise.all([
    startHarness({ backend }),
    startHarness({ backend, allowPrivateUrls: true, urlFetch: { timeoutMs: 2_000 } }),
    startStaticServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([closed.close(), opened.close(), files.close()]);
  await backend.close();
});

async function refusedWithGenericMessage(h: Harness, url: string): Promise<void> {
  const a = await answer(await h.postUrl(COLOR, url));
  expectAzureError(a, 400, 'InvalidImageUrl', 'v3');
  expect((a.body as any).error.innererror.message, url).toBe(GENERIC);
}

describe('closed by default', () => {
  it('refuses the loopback image server in every spelling without connecting to it', async () => {
    const port = new URL(files.url).port;
    const spellings = [
      `http://127.0.0.1:${port}/csdf-dog.jpg`,
      `http://localhost:${port}/csdf-dog.jpg`,
      `http://localhost.:${port}/csdf-dog.jpg`,
      `http://127.0.0.1.:${port}/csdf-dog.jpg`,
      `http://2130706433:${port}/csdf-dog.jpg`,
      `http://0177.0.0.1:${port}/csdf-dog.jpg`,
      `http://0x7f.0.0.1:${port}/csdf-dog.jpg`,
      `http://127.1:${port}/csdf-dog.jpg`,
      `http://[::ffff:127.0.0.1]:${port}/csdf-dog.jpg`,
      `http://0.0.0.0:${port}/csdf-dog.jpg`,
      `http://[::1]:${port}/csdf-dog.jpg`,
    ];
    const before = files.hits.length;
    for (const url of spellings) await refusedWithGenericMessage(closed, url);
    expect(files.hits.length).toBe(before);
  });

  it('refuses private, CGNAT, NAT64, Azure host agent and metadata addresses', async () => {
    for (const url of [
      'http://10.0.0.1/x.png',
      'http://192.168.0.1/x.png',
      'http://100.64.0.1/x.png',
      'http://[64:ff9b::a00:1]/x.png',
      'http://[fd00::1]/x.png',
      'http://168.63.129.16/machine',
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal./computeMetadata/v1/',
    ]) {
      await refusedWithGenericMessage(closed, url);
    }
  });

  it('refuses non-http(s) schemes', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x.png', 'gopher://x/', 'data:,x'])
      await refusedWithGenericMessage(closed, url);
  });
});

describe('allowPrivateUrls (local development)', () => {
  it('fetches loopback images', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const url = `${files.url.replace('127.0.0.1', host)}/csdf-house.jpg`;
      const res = await opened.postUrl(COLOR, url);
      expect(res.status, host).toBe(200);
      const body = (await res.json()) as any;
      expect(body.metadata).toEqual({ width: 640, height: 480, format: 'Jpeg' });
      expect(body.color.dominantColors.length).toBeGreaterThan(0);
    }
  });

  it('still refuses metadata, directly and through a redirect', async () => {
    await refusedWithGenericMessage(opened, 'http://169.254.169.254/latest/meta-data/');
    const hop = `${files.url}/redirect-to/${encodeURIComponent('http://169.254.169.254/')}`;
    await refusedWithGenericMessage(opened, hop);
  });

  it('checks every redirect target against the policy', async () => {
    const only = await startHarness({
      backend,
      allowPrivateUrls: true,
      urlFetch: { allowedHosts: ['127.0.0.1'] },
    });
    try {
      const target = `${files.url.replace('127.0.0.1', 'localhost')}/csdf-dog.jpg`;
      const before = files.hits.length;
      await refusedWithGenericMessage(
        only,
        `${files.url}/redirect-to/${encodeURIComponent(target)}`,
      );
      // The first hop was fetched, the redirect target never was.
      expect(files.hits.slice(before)).toHaveLength(1);
    } finally {
      await only.close();
    }
  });

  it('says the same thing for refused ports, 404s and slow servers (no address, no errno)', async () => {
    for (const url of [
      'http://127.0.0.1:1/x.png',
      `${files.url}/missing.png`,
      `${files.url}/slow`,
      'http://no-such-host.invalid/x.png',
    ]) {
      await refusedWithGenericMessage(opened, url);
    }
  });
});
