import { redact } from './redact.js';

/**
 * Last line of defence before an error leaves the client: removes the key from the message,
 * the stack and every string field (an id echoed from a header could carry anything).
 */
export function scrubError<T>(err: T, key: string): T {
  if (typeof err !== 'object' || err === null) return err;
  const target = err as Record<string, unknown>;
  for (const field of [...Object.keys(target), 'message', 'stack']) {
    const value = target[field];
    if (typeof value === 'string' && value.includes(key)) target[field] = redact(value, key);
  }
  return err;
}
