import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';

const IMAGES = new URL('../../../testdata/images/', import.meta.url);

/** A loopback static server for the test images, so the emulator can fetch them by URL. */
export async function startImageHost(): Promise<{
  url(file: string): string;
  close(): Promise<void>;
}> {
  const server = createServer((req, res) => {
    readFile(new URL(basename(req.url ?? ''), IMAGES)).then(
      (bytes) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (file) => `http://127.0.0.1:${port}/${file}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
