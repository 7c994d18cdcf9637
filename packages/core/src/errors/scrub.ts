import { redact } from './redact.js';

// Set by the client's own error classes from a fixed vocabulary ('network', 'NetworkError'), never
// from anything the upstream sent: a short key that happens to be part of such a word ('work')
// must not turn 'network' into 'net[redacted]' and so change how the error is classified.
const OWN_FIELDS = new Set(['kind', 'name']);

/**
 * Last line of defence before an error leaves the client: removes the key from the message,
 * the stack and every other string field (an id echoed from a header could carry anything).
 */
export function scrubError<T>(err: T, key: string): T {
  if (typeof err !== 'object' || err === null) return err;
  const target = err as Record<string, unknown>;
  for (const field of [...Object.keys(target), 'message', 'stack']) {
    if (OWN_FIELDS.has(field)) continue;
    const value = target[field];
    if (typeof value === 'string' && value.includes(key)) target[field] = redact(value, key);
  }
  return err;
}
