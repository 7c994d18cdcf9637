// Test helpers: a loopback static server for testdata images (URL bodies) and small HTTP helpers.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const IMAGE_DIR = fileURLToPath(new URL('../../../testdata/images/', import.meta.url));
export const image = (name: string): Buffer => readFileSync(IMAGE_DIR + name);
export const allImages = (): string[] =>
  readdirSync(IMAGE_DIR)
    .filter((f) => !f.endsWith('.md'))
    .sort();

export interface ImageServer {
  url: string;
  close(): Promise<void>;
}

export async function serveImages(): Promise<ImageServer> {
  const server = createServer((req, res) => {
    try {
      const body = image(decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? ''));
      res.writeHead(200, { 'Content-Length': body.length }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
