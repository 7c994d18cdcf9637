import type { AttemptEvent } from '@visiongraph/core';
import { ANALYZE_FEATURES } from '@visiongraph/schema';

// Label values come from fixed sets only (schema names, client method names, status codes), never
// from URLs, headers or other request text, so every metric has a bounded number of series.

const ANALYZE_PARTS = new Set<string>(ANALYZE_FEATURES);
const OPERATIONS = new Set([
  'describe',
  'thumbnail',
  'areaOfInterest',
  'ocr',
  'read',
  'models',
  'tag',
  'detect',
]);

/** The feature a cache key is about: an analyze part (`Tags`) or an operation (`read`). */
export function featureOfKey(cacheKey: string): string {
  try {
    const parts = JSON.parse(cacheKey) as unknown[];
    const operation = String(parts[1]);
    if (operation === 'analyze') {
      const part = String(parts[2]);
      return ANALYZE_PARTS.has(part) ? part : 'other';
    }
    return OPERATIONS.has(operation) ? operation : 'other';
  } catch {
    return 'other';
  }
}

/** An attempt's outcome: the HTTP status, or the failure kind when no response came. */
export function attemptStatus(event: AttemptEvent): string {
  if (event.status !== undefined) return String(event.status);
  return event.error?.kind ?? 'unknown';
}

/**
 * Azure transactions an answered attempt bills: one per analyze feature, one per other image call,
 * one per read submission (Azure bills read per page; pages are only known from the result, so
 * this is a lower bound), none for polls and the model list.
 */
export function transactionsOf(event: AttemptEvent): number {
  if (event.status === undefined || event.status < 200 || event.status >= 300) return 0;
  if (event.operation === 'readResult' || event.operation === 'listModels') return 0;
  if (event.operation === 'analyze') {
    const query = new URLSearchParams(event.path.split('?')[1] ?? '');
    const count = (name: string) => (query.get(name) ?? '').split(',').filter(Boolean).length;
    return Math.max(1, count('visualFeatures') + count('details'));
  }
  return 1;
}

/** Transactions a cached or joined value saved: read results count their pages. */
export function transactionsSavedBy(feature: string, value: unknown): number {
  if (feature === 'Metadata' || feature === 'models' || feature === 'other') return 0;
  if (feature === 'read') return Array.isArray(value) ? Math.max(1, value.length) : 1;
  return 1;
}
