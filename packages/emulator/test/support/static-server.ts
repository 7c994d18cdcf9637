// A loopback HTTP server for URL bodies: serves testdata images, and a few special paths
// (redirects, HTML, slow and endless bodies) for the URL-fetch tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { image } from './harness.js';

export interface StaticServer {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startStaticServer(): Promise<StaticServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    hits.push(path);
    if (path.startsWith('/redirect/')) {
      res.writeHead(302, { Location: path.slice('/redirect'.length) }).end();
    } else if (path.startsWith('/redirect-to/')) {
      res
        .writeHead(302, { Location: decodeURIComponent(path.slice('/redirect-to/'.length)) })
        .end();
    } else if (path === '/page.html') {
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<html><body>not an image</body></html>');
    } else if (path === '/slow') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.write(image('tjs-testocr.png').subarray(0, 100)); // then never finish
    } else if (path === '/endless') {
      res.writeHead(200, { 'Content-Type': 'image/jpeg' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = (): void => {
        while (res.write(chunk)) {
          /* fill the socket buffer */
        }
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    } else {
      try {
        const body = image(path.slice(1));
        res
          .writeHead(200, {
            'Content-Type': 'application/octet-stream',
            'Content-Length': body.length,
          })
          .end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
