// Query parameter parsing shared by the routes; each failure is the Azure error for that parameter.
import { AzureErrors } from '../../errors/azure-error-factory.js';
import type { AzureError } from '../../errors/azure-error.js';
import { MODEL_VERSION_PATTERN } from '../../constants.js';
import type { Query } from '../../http/query.js';

/** Comma-separated enum list, matched case-insensitively, returned in canonical spelling. */
export function parseList<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fail: (v: string, a: readonly T[]) => AzureError,
): T[] {
  if (value === undefined) return [];
  const out: T[] = [];
  for (const item of value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)) {
    const found = allowed.find((a) => a.toLowerCase() === item.toLowerCase());
    if (!found) throw fail(item, allowed);
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

/** A language code from `allowed` (case-insensitive), or the default when absent. */
export function parseLanguage<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!found) throw AzureErrors.language(value);
  return found;
}

export function parseBoolean(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw AzureErrors.badArgument(`Parameter '${name}' must be true or false.`);
}

/** `model-version` (and the older `modelVersion`): "latest" maps to `current`. */
export function parseModelVersion(
  query: Query,
  accepted: readonly string[],
  current: string,
): string {
  const value = query.get('model-version') ?? query.get('modelVersion');
  if (value === undefined || value === '') return current;
  if (!MODEL_VERSION_PATTERN.test(value) || !accepted.includes(value)) {
    throw AzureErrors.badArgument(
      `Model version '${value}' is not supported. Supported values: ${accepted.join(', ')}.`,
    );
  }
  return value === 'latest' ? current : value;
}

/** A strictly decimal integer within [min, max], or undefined when the value is absent. */
export function parseInteger(
  value: string | undefined,
  min: number,
  max: number,
): number | undefined | 'invalid' {
  if (value === undefined) return undefined;
  if (!/^\s*[+-]?\d+\s*$/.test(value)) return 'invalid';
  const n = Number(value);
  return n >= min && n <= max ? n : 'invalid';
}
