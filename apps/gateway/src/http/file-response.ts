import { readFile, stat } from 'node:fs/promises';
import { contentTypeFor } from './content-types.js';

/** Options for {@link fileResponse}. */
export interface FileResponseOptions {
  /** Sent as Cache-Control. @default 'no-cache' */
  cacheControl?: string;
  /** HEAD requests get the headers without the body. @default false */
  head?: boolean;
}

/** A 200 response with the file's bytes, or undefined when it is not a readable regular file. */
export async function fileResponse(
  path: string,
  options: FileResponseOptions = {},
): Promise<Response | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    const headers = {
      'content-type': contentTypeFor(path),
      'content-length': String(info.size),
      'cache-control': options.cacheControl ?? 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (options.head) return new Response(null, { status: 200, headers });
    const body = await readFile(path);
    return new Response(body, { status: 200, headers });
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG';
}
