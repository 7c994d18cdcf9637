import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, stubEmulator, type Stack } from './helpers/stack.js';

const IMAGES = new URL('../../testdata/images/', import.meta.url);
const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head><body><div id="root"></div></body></html>';

let stack: Stack;
let playgroundDir: string;
beforeAll(async () => {
  // A stand-in for `apps/playground/dist`, with the layout a Vite build has.
  playgroundDir = await mkdtemp(join(tmpdir(), 'vg-playground-'));
  await mkdir(join(playgroundDir, 'assets'));
  await writeFile(join(playgroundDir, 'index.html'), INDEX_HTML);
  await writeFile(join(playgroundDir, 'assets', 'app-1a2b.js'), 'console.log("playground");');
  await writeFile(join(playgroundDir, 'assets', 'app-1a2b.css'), 'body{margin:0}');
  await writeFile(join(playgroundDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  stack = await startStack({ playgroundDir }, stubEmulator());
});
afterAll(async () => {
  await stack?.close();
  await rm(playgroundDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.gateway.url}${path}`, { headers });

/** GET with the path sent exactly as written (fetch would resolve `..` and `%2e%2e` first). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${stack.gateway.url}${path}`, { path }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('GraphiQL', { timeout: 120_000 }, () => {
  it('answers GET /graphql from a browser with GraphiQL and a ready example query on the gateway’s own images', async () => {
    const response = await get('/graphql', { accept: 'text/html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<title>visiongraph</title>');
    // Offline: scripts, styles and workers are inline; yoga's default page loads them from a CDN.
    expect(html).not.toMatch(/unpkg\.com|jsdelivr\.net|cdnjs\./);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/);
    for (const part of [
      'query ExampleImages',
      'caption',
      'tags',
      'faces',
      '@defer',
      'text {',
      `${stack.gateway.url}/examples/skimage-astronaut.png`,
    ]) {
      expect(html).toContain(part.replaceAll('"', '\\"'));
    }
  });

  it('runs the example query it offers', async () => {
    const html = await (await get('/graphql', { accept: 'text/html' })).text();
    const match = /"defaultQuery":"((?:[^"\\]|\\.)*)"/.exec(html);
    expect(match).not.toBeNull();
    const query = JSON.parse(`"${match![1]}"`) as string;
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('"hasNext":false');
    expect(body).not.toContain('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('health', { timeout: 120_000 }, () => {
  it('/healthz says ok while the process runs', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is ready when the upstream answers its models route', async () => {
    const calls = await stack.callsDuring(async () => {
      const response = await get('/readyz');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready' });
    });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /vision/v3.2/models']);
  });

  it('/readyz is 503 when the upstream is down, /healthz still ok', async () => {
    const down = await startStack({
      visionEndpoint: 'http://127.0.0.1:9',
      vision: { retry: { maxRetries: 0 } },
    });
    try {
      const response = await fetch(`${down.gateway.url}/readyz`);
      expect(response.status).toBe(503);
      // Which dependency, nothing more: the reason (with the upstream's address) is logged.
      expect(await response.json()).toEqual({ status: 'unavailable', dependency: 'upstream' });
      expect(down.logs).toContainEqual(
        expect.objectContaining({ level: 'warn', reason: 'network' }),
      );
      expect((await fetch(`${down.gateway.url}/healthz`)).status).toBe(200);
    } finally {
      await down.close();
    }
  });
});

describe('playground', { timeout: 120_000 }, () => {
  it('serves index.html at / and assets with their content types', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toBe(INDEX_HTML);

    const js = await get('/assets/app-1a2b.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log("playground");');
    expect((await get('/assets/app-1a2b.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('falls back to index.html for client-side routes, but 404s a missing asset', async () => {
    const route = await get('/images/some-route', { accept: 'text/html' });
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX_HTML);
    const missing = await get('/assets/nope-9z.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
  });

  it('refuses to leave its directory', async () => {
    for (const path of [
      '/../../../../etc/passwd',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%5c..%5cpackage.json',
    ]) {
      const response = await rawGet(path);
      // URL parsing resolves a literal `..` before routing, so that one lands on a page route
      // (index.html); encoded forms are refused. Either way nothing outside the build is read.
      expect(response.status === 404 || response.body === INDEX_HTML, path).toBe(true);
      expect(response.body).not.toContain('root:');
    }
  });

  it('explains how to build the playground when there is no build', async () => {
    const bare = await startStack(
      { playgroundDir: join(playgroundDir, 'does-not-exist') },
      stubEmulator(),
    );
    try {
      const response = await fetch(`${bare.gateway.url}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain('pnpm --filter @visiongraph/playground build');
      expect(html).toContain('href="/graphql"');
    } finally {
      await bare.close();
    }
  });
});

describe('/examples', { timeout: 120_000 }, () => {
  it('lists the curated example images with their URLs', async () => {
    const response = await get('/examples');
    expect(response.status).toBe(200);
    const list = (await response.json()) as Array<{
      name: string;
      file: string;
      url: string;
      description: string;
    }>;
    const files = list.map((e) => e.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'skimage-astronaut.png',
        'tjs-testocr.png',
        'csdf-faces.jpg',
        'csdf-objects.jpg',
        'csdf-landmark.jpg',
        'csdf-dog.jpg',
        'csdf-house.jpg',
        'rest-handwriting.jpg',
        'csdf-celebrities.jpg',
      ]),
    );
    expect(list.find((e) => e.file === 'skimage-astronaut.png')?.name).toBe('Portrait');
    expect(list.find((e) => e.file === 'tjs-testocr.png')?.name).toBe('Printed text');
    for (const entry of list) {
      expect(entry.url).toBe(`/examples/${entry.file}`);
      expect(entry.description.length).toBeGreaterThan(10);
      // Every listed file is really served.
      const image = await get(entry.url);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
      expect(
        Buffer.from(await image.arrayBuffer()).equals(await readFile(new URL(entry.file, IMAGES))),
      ).toBe(true);
    }
  });

  it('404s unknown files and traversal attempts', async () => {
    for (const path of [
      '/examples/nope.png',
      '/examples/..%2fMANIFEST.md',
      '/examples/%2e%2e%2fTRUTH.md',
      '/examples/../MANIFEST.md',
      '/examples/%2e%2e/%2e%2e/package.json',
    ]) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(404);
      const text = response.body;
      expect(text).not.toContain('Test images');
      expect(text).not.toContain('"name": "visiongraph"');
    }
  });
});
