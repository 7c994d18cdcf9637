import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';

const IMAGES = new URL('../../../../testdata/images/', import.meta.url);
const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>/<name>` for a file of testdata/images. */
  urlOf(name: string): string;
  close(): Promise<void>;
}

/** Serves the repo's test images over loopback, so the emulator can download them by URL. */
export async function startStaticServer(): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    const body =
      name.includes('/') || name.includes('..')
        ? Promise.reject(new Error('outside'))
        : readFile(new URL(name, IMAGES));
    body.then(
      (bytes) =>
        res
          .writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' })
          .end(bytes),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlOf: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
