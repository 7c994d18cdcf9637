import { InvalidInputError } from '../errors/error-classes.js';

/**
 * Extracts the operation id from an id or an `Operation-Location` URL. Results are always
 * fetched from the client's own endpoint, so the key is never sent to a host named in a header.
 */
export function operationIdFrom(idOrLocation: string): string {
  const text = typeof idOrLocation === 'string' ? idOrLocation.trim() : '';
  let id = text;
  if (/^https?:\/\//i.test(text)) {
    const segments = new URL(text).pathname.split('/').filter(Boolean);
    id = decodeURIComponent(segments[segments.length - 1] ?? '');
  }
  if (id === '' || id.includes('/')) {
    throw new InvalidInputError('Invalid read operation id or Operation-Location', {
      code: 'InvalidOperationId',
    });
  }
  return id;
}
