// The one loopback server for this folder's test images, shared by the packages' tests and
// benches (the emulator downloads `{"url"}` bodies from it). A file name directly under
// images/ is served; anything else is 404.
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';

const IMAGES = new URL('./images/', import.meta.url);
const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
};

export interface TestImageServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/<name>` for a file of testdata/images. */
  urlOf(name: string): string;
  /** Paths requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

/**
 * Serves testdata/images on a free loopback port. `special` may answer a path itself (redirects,
 * slow bodies...) by returning true.
 */
export async function serveTestImages(
  special?: (path: string, res: ServerResponse) => boolean,
): Promise<TestImageServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    hits.push(path);
    if (special?.(path, res)) return;
    const name = path.slice(1);
    const body =
      name.includes('/') || name.includes('..') || name === ''
        ? Promise.reject(new Error('not a test image'))
        : readFile(new URL(name, IMAGES));
    body.then(
      (bytes) =>
        res
          .writeHead(200, {
            'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
            'content-length': bytes.length,
          })
          .end(bytes),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    urlOf: (name) => `${url}/${name}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
