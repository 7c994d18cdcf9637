// The repo's test image server (testdata/serve-images.ts) plus a few special paths for the
// URL-fetch tests: redirects, HTML, a body that never finishes and one that never ends.
import type { ServerResponse } from 'node:http';
import {
  serveTestImages,
  type TestImageServer as StaticServer,
} from '../../../../testdata/serve-images.js';
import { image } from './harness.js';

export type { StaticServer };

function special(path: string, res: ServerResponse): boolean {
  if (path.startsWith('/redirect/')) {
    res.writeHead(302, { Location: path.slice('/redirect'.length) }).end();
  } else if (path.startsWith('/redirect-to/')) {
    res.writeHead(302, { Location: decodeURIComponent(path.slice('/redirect-to/'.length)) }).end();
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
    return false;
  }
  return true;
}

export const startStaticServer = (): Promise<StaticServer> => serveTestImages(special);
