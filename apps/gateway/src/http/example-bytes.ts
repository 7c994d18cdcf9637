import { readFile, stat } from 'node:fs/promises';
import { namesThisServer } from './same-server.js';
import { examplePath } from './serve-examples.js';

/**
 * Bytes of this gateway's own example images, for image URLs that name them (`/examples/<file>`
 * on the host the request came to, any loopback name for a request that came to one: see
 * namesThisServer). The upstream gets the bytes instead of the URL: the embedded emulator
 * refuses loopback addresses, and Azure cannot reach a gateway on localhost. Only files the
 * gateway already serves publicly are read, so a spoofed Host header gains nothing. Other URLs
 * (and files over `maxBytes`) go upstream as they are.
 */
export function exampleBytesFor(
  examplesDir: string | undefined,
  requestUrl: string,
  maxBytes: number,
): (url: string) => Promise<Uint8Array | undefined> {
  // Parsed on first use: most requests name no image URL at all.
  let request: URL | undefined;
  return async (raw) => {
    const url = new URL(raw);
    request ??= new URL(requestUrl);
    if (!namesThisServer(url, request) || !url.pathname.startsWith('/examples/')) return undefined;
    const path = examplePath(examplesDir, url.pathname.slice('/examples/'.length));
    if (!path) return undefined;
    try {
      const info = await stat(path);
      if (!info.isFile() || info.size === 0 || info.size > maxBytes) return undefined;
      return new Uint8Array(await readFile(path));
    } catch {
      return undefined;
    }
  };
}
