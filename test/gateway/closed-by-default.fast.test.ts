// The gateway's doors as a stranger meets them over real HTTP: loopback only unless HOST says
// otherwise, no CORS for foreign origins (an allow-list opens named ones), CSRF prevention on
// GET and multipart, a /readyz that names the failing dependency and nothing else, and server
// timeouts and a connection cap against slow and numerous clients.
import { networkInterfaces } from 'node:os';
import { connect, type Socket } from 'node:net';
import { loadConfig, startGateway, type RunningGateway } from '@visiongraph/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const EVIL = 'https://evil.example';
const APP = 'https://app.example';
let gateway: RunningGateway;

beforeAll(async () => {
  // The upstream is a closed port: none of these requests may reach it anyway.
  gateway = await startGateway({
    port: 0,
    visionEndpoint: 'http://127.0.0.1:9',
    visionKey: 'closed-test-key',
    vision: { retry: { maxRetries: 0 } },
    logLevel: 'silent',
    corsOrigins: [APP],
    server: { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, maxConnections: 4 },
  });
});
afterAll(() => gateway?.close());

const preflight = (origin: string) =>
  fetch(`${gateway.url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

describe('listening', () => {
  it('binds 127.0.0.1 by default (HOST=0.0.0.0 opens it, e.g. in a container)', async () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(new URL(gateway.url).hostname).toBe('127.0.0.1');
    // Another interface of this machine, if it has one, gets no answer.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      const port = new URL(gateway.url).port;
      await expect(fetch(`http://${external.address}:${port}/healthz`)).rejects.toThrow();
    }
  });
});

describe('CORS', () => {
  it('gives a foreign origin no access-control-allow-origin, and never credentials', async () => {
    const answer = await preflight(EVIL);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens an origin of the allow-list (GATEWAY_CORS_ORIGINS), without credentials', async () => {
    const answer = await preflight(APP);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(
      loadConfig({ GATEWAY_CORS_ORIGINS: `${APP}, http://localhost:5173` }).corsOrigins,
    ).toEqual([APP, 'http://localhost:5173']);
    expect(() => loadConfig({ GATEWAY_CORS_ORIGINS: 'app.example/path' })).toThrow(
      /GATEWAY_CORS_ORIGINS/,
    );
  });
});

describe('CSRF prevention', () => {
  const query = encodeURIComponent('{ __typename }');

  it('refuses a GET query without the CSRF header (403, coded), runs it with the header', async () => {
    const bare = await fetch(`${gateway.url}/graphql?query=${query}`, {
      headers: { origin: EVIL, accept: 'application/json' },
    });
    expect(bare.status).toBe(403);
    const body = (await bare.json()) as { data?: unknown; errors: any[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    const marked = await fetch(`${gateway.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a multipart POST without the header, a plain-form body too', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: '{ __typename }' }));
    form.set('map', '{}');
    const multipart = await fetch(`${gateway.url}/graphql`, { method: 'POST', body: form });
    expect(multipart.status).toBe(403);
    const textPlain = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    // Refused before it runs: 415 (only JSON and multipart are taken) or 403 (CSRF).
    expect([403, 415]).toContain(textPlain.status);
    expect(((await textPlain.json()) as { data?: unknown }).data).toBeUndefined();
    const withHeader = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps GraphiQL and JSON POSTs working without the header', async () => {
    const page = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>visiongraph</title>');
    const json = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('/readyz', () => {
  it('says which dependency is not ready, and nothing else', async () => {
    const answer = await fetch(`${gateway.url}/readyz`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ status: 'unavailable', dependency: 'upstream' });
  });
});

describe('slow and numerous clients', () => {
  function open(): Promise<Socket> {
    const { port } = new URL(gateway.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
      socket.on('error', reject);
    });
  }
  const closed = (socket: Socket) =>
    new Promise<string>((resolve) => {
      let data = '';
      socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', () => undefined);
    });

  it('answers 408 and closes a client that never finishes its headers', async () => {
    const socket = await open();
    const ended = closed(socket);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // ...and no blank line, ever
    const started = Date.now();
    const data = await ended;
    expect(data).toMatch(/^HTTP\/1\.1 408/);
    // headersTimeoutMs is 1 s here; Node checks it every second.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('closes connections over maxConnections at once, serves again when they go', async () => {
    const held = await Promise.all([open(), open(), open(), open()]);
    const extra = await open();
    const data = await new Promise<string>((resolve) => {
      let seen = '';
      extra.on('data', (chunk: Buffer) => (seen += chunk.toString()));
      extra.on('close', () => resolve(seen));
      extra.on('error', () => undefined);
      extra.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    expect(data).toBe('');
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  });
});
