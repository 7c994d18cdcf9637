/**
 * Parses a `Retry-After` header: delta seconds ("2", "0.5") or an HTTP date.
 * Returns milliseconds from `now`, never negative, or undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number,
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Date.parse reads bare numbers such as "-5" as years, so insist on a real date string.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait a response asks for: Azure's `retry-after-ms` / `x-ms-retry-after-ms` (milliseconds)
 * when present, else the standard `Retry-After`.
 */
export function retryAfterFromHeaders(
  headers: Record<string, string | string[] | undefined>,
  now: number,
): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const raw = headers[name];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (text && /^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text));
  }
  return parseRetryAfter(headers['retry-after'], now);
}
