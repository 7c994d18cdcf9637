import { createHash } from 'node:crypto';

/**
 * Redis key names for a cache key: a fixed-length hash, so no URL or other user text ends up in
 * key names (or in MONITOR output) and every key has the same small size.
 */
export function storeKeys(
  prefix: string,
  cacheKey: string,
): { id: string; value: string; lease: string } {
  const id = createHash('sha256').update(cacheKey).digest('base64url');
  return { id, value: `${prefix}f:${id}`, lease: `${prefix}lease:${id}` };
}
