import { posix } from 'node:path';
import { fileResponse } from './file-response.js';
import { notFound } from './serve-examples.js';
import { safeJoin } from './safe-join.js';
import { playgroundMissingPage } from './playground-missing-page.js';

// Vite puts content-hashed files under /assets/: their bytes never change for a given name.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the playground's production build: files as they are, and index.html for any other
 * page path (client-side routing). Without a build, page paths get a page saying how to make one.
 */
export async function servePlayground(
  request: Request,
  pathname: string,
  playgroundDir: string | undefined,
): Promise<Response> {
  const head = request.method === 'HEAD';
  const path =
    pathname === '/' || !playgroundDir ? undefined : safeJoin(playgroundDir, pathname.slice(1));
  if (path) {
    const cacheControl = pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
    const file = await fileResponse(path, { head, cacheControl });
    if (file) return file;
  }
  // A missing /assets/x.js must stay a 404: answering HTML there breaks the browser's module loader.
  if (posix.extname(pathname) !== '' && pathname !== '/index.html') {
    return notFound(`No file at ${pathname}`);
  }
  const index = playgroundDir && safeJoin(playgroundDir, 'index.html');
  const page = index && (await fileResponse(index, { head }));
  if (page) return page;
  return new Response(head ? null : playgroundMissingPage(playgroundDir), {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
  });
}
