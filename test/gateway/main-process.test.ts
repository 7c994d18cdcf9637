import { readFile } from 'node:fs/promises';
import { startEmulator } from '@visiongraph/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestImages, type TestImageServer } from '../../testdata/serve-images.js';
import { spawnGateway, type GatewayProcess } from './helpers/gateway-process.js';
import { stubEmulator, TEST_KEY } from './helpers/stack.js';

// `node apps/gateway/dist/main.js` as `pnpm start` runs it: env config, logs, signals.

describe('configuration from the environment', { timeout: 120_000 }, () => {
  it.each([
    [{ PORT: 'http' }, 'PORT: must be a whole number, got "http"'],
    [{ PORT: '99999' }, 'PORT: must be a port number from 0 to 65535, got 99999'],
    [
      { VISION_ENDPOINT: 'not a url', VISION_KEY: 'k' },
      'VISION_ENDPOINT: must be an absolute http(s) URL, got "not a url"',
    ],
    [
      { VISION_ENDPOINT: 'https://vision.example' },
      'VISION_KEY: is required when VISION_ENDPOINT is set',
    ],
    [{ MAX_UPLOAD_BYTES: '-5' }, 'MAX_UPLOAD_BYTES: must be a whole number of at least 1, got -5'],
    [{ GATEWAY_MAX_DEPTH: 'deep' }, 'GATEWAY_MAX_DEPTH: must be a whole number, got "deep"'],
  ])('exits 1 naming the variable for %j', async (env, message) => {
    const gateway = spawnGateway(env);
    expect(await gateway.exited).toBe(1);
    expect(gateway.stderr()).toContain(`invalid configuration: ${message}`);
    expect(gateway.stdout()).not.toContain('gateway listening');
  });
});

describe('running process', { timeout: 120_000 }, () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let slowImages: TestImageServer;
  let slowImageUrl: string;
  let imageRequested: () => void = () => {};

  beforeAll(async () => {
    // The slow image host below is on loopback. The stub backend (no models): this suite is about
    // the process (configuration, logs, signals), not about what is analysed.
    emulator = await startEmulator({
      ...stubEmulator(),
      port: 0,
      host: '127.0.0.1',
      key: TEST_KEY,
      allowPrivateUrls: true,
    });
    // An image host that takes 1.5 s to answer: it keeps a query in flight on purpose.
    const dog = await readFile(new URL('../../testdata/images/csdf-dog.jpg', import.meta.url));
    slowImages = await serveTestImages((path, res) => {
      if (path !== '/slow/dog.jpg') return false;
      imageRequested();
      setTimeout(() => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(dog), 1_500);
      return true;
    });
    slowImageUrl = slowImages.urlOf('slow/dog.jpg');
  });
  afterAll(async () => {
    await emulator?.close();
    await slowImages?.close();
  });

  async function startProcess(): Promise<{ gateway: GatewayProcess; url: string }> {
    const gateway = spawnGateway({
      PORT: '0',
      HOST: '127.0.0.1',
      VISION_ENDPOINT: emulator.url,
      VISION_KEY: TEST_KEY,
      LOG_LEVEL: 'debug',
    });
    const listening = await gateway.waitForLine((l) => l['msg'] === 'gateway listening');
    return { gateway, url: listening['url'] as string };
  }

  it('finishes a query in flight on SIGTERM, then exits 0', async () => {
    const { gateway, url } = await startProcess();
    const requested = new Promise<void>((resolve) => (imageRequested = resolve));
    const inFlight = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query Slow { image(url: "${slowImageUrl}") { caption { text } } }`,
      }),
    });
    await requested; // the emulator is now downloading the slow image for this query
    const signalledAt = Date.now();
    gateway.child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { image: { caption: { text: string } } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data.image.caption.text).toBe('a 600x450 jpeg image'); // the stub's, for the dog
    expect(await gateway.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeGreaterThan(500); // it waited for the query
    const messages = gateway.lines().map((l) => l['msg']);
    expect(messages).toContain('shutting down: finishing requests in flight');
    expect(messages.indexOf('stopped')).toBeGreaterThan(messages.lastIndexOf('request'));
    expect(gateway.lines().find((l) => l['operationName'] === 'Slow')).toMatchObject({
      status: 200,
      upstreamCalls: 1,
    });
    expect(gateway.stdout() + gateway.stderr()).not.toContain(TEST_KEY);
  });

  it('stops taking new connections after SIGTERM', async () => {
    const { gateway, url } = await startProcess();
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('starts the emulator in-process without VISION_ENDPOINT and says so, without the key', async () => {
    const gateway = spawnGateway({ PORT: '0', HOST: '127.0.0.1' });
    try {
      const started = await gateway.waitForLine((l) =>
        l['msg'].startsWith('embedded emulator started'),
      );
      expect(started['emulatorUrl']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.keys(started).join(',')).not.toMatch(/key/i);
      const listening = await gateway.waitForLine((l) => l['msg'] === 'gateway listening');
      expect(listening['upstream']).toBe('embedded emulator');
      const ready = await fetch(`${listening['url']}/readyz`);
      expect(ready.status).toBe(200);
    } finally {
      gateway.child.kill('SIGINT');
      expect(await gateway.exited).toBe(0);
    }
  });
});
