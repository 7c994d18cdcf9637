import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Resolves a URL path (still percent-encoded, relative to a mount point) inside `root`.
 * Returns undefined for anything that could leave `root`: `..` segments (also encoded as
 * `%2e%2e` or `%2f`), backslashes, NUL bytes and malformed escapes.
 */
export function safeJoin(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..')) return undefined;
  const base = resolve(root);
  const target = resolve(base, `.${sep}${decoded}`);
  const rel = relative(base, target);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return target;
}
