import { exampleCatalog } from './example-catalog.js';
import { fileResponse } from './file-response.js';
import { safeJoin } from './safe-join.js';

/**
 * `GET /examples` lists the curated example images; `GET /examples/<file>` serves any file
 * directly inside `examplesDir` (no subdirectories, no traversal). Undefined for other paths.
 */
export async function serveExamples(
  request: Request,
  pathname: string,
  examplesDir: string | undefined,
): Promise<Response | undefined> {
  if (pathname === '/examples' || pathname === '/examples/') {
    return Response.json(exampleCatalog(), { headers: { 'cache-control': 'no-cache' } });
  }
  if (!pathname.startsWith('/examples/')) return undefined;
  const name = pathname.slice('/examples/'.length);
  const path = examplePath(examplesDir, name);
  const found =
    path &&
    (await fileResponse(path, {
      head: request.method === 'HEAD',
      cacheControl: 'public, max-age=3600',
    }));
  return (
    found ||
    notFound(`No example image named ${JSON.stringify(safeName(name))}. GET /examples lists them.`)
  );
}

/**
 * The file an `/examples/<name>` path names: directly inside `examplesDir`, or undefined (also
 * when there is no examples folder: @visiongraph/testdata is not installed and none was set).
 */
export function examplePath(examplesDir: string | undefined, name: string): string | undefined {
  if (!examplesDir || name.includes('/') || name.toLowerCase().includes('%2f')) return undefined;
  return safeJoin(examplesDir, name);
}

export function notFound(message: string): Response {
  return Response.json({ error: { code: 'NOT_FOUND', message } }, { status: 404 });
}

function safeName(name: string): string {
  try {
    return decodeURIComponent(name).slice(0, 100);
  } catch {
    return name.slice(0, 100);
  }
}
