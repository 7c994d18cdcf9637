// A loopback web server for the fault and abuse suites. It stands for two things:
// - an image host the upstream fetches storm images from (`/img/<n>.png`, a size and colour
//   each);
// - a private service an attacker wants read through the gateway (`/secret.png`, a PNG of a
//   size nothing else has, so its width in an answer proves the secret was fetched), plus a
//   redirector (`/redirect?to=<url>`) to smuggle such an address past a first check.
// It listens on `::` (dual stack), so 127.0.0.1, ::1 and ::ffff:127.0.0.1 all reach it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export const SECRET_WIDTH = 123;
export const SECRET_HEIGHT = 77;

export interface ImageHost {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Requests received for `/secret.png`. */
  secretReads(): number;
  close(): Promise<void>;
}

const colourOf = (n: number) => ({ r: (n * 67) % 256, g: (n * 131) % 256, b: (n * 29) % 256 });

/**
 * The width of `/img/<n>.png` (its height is 64): it differs between neighbouring n, so an
 * answer that reached the wrong query, or a mangled one that parsed, shows.
 */
export const imageWidthOf = (n: number): number => 64 + (n % 191);

export async function startImageHost(): Promise<ImageHost> {
  const secret = await sharp({
    create: { width: SECRET_WIDTH, height: SECRET_HEIGHT, channels: 3, background: '#c0ffee' },
  })
    .png()
    .toBuffer();
  const images = new Map<number, Buffer>();
  const imageFor = async (n: number) => {
    let png = images.get(n);
    if (!png) {
      const size = { width: imageWidthOf(n), height: 64, channels: 3 as const };
      png = await sharp({ create: { ...size, background: colourOf(n) } })
        .png()
        .toBuffer();
      images.set(n, png);
    }
    return png;
  };
  let secretReads = 0;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const image = /^\/img\/(\d+)\.png$/.exec(url.pathname);
    if (image) {
      imageFor(Number(image[1])).then(
        (png) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (url.pathname === '/secret.png') {
      secretReads += 1;
      res.writeHead(200, { 'content-type': 'image/png' }).end(secret);
      return;
    }
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    secretReads: () => secretReads,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
