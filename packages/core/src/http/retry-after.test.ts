import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterFromHeaders } from './retry-after.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('reads delta seconds, including fractions', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
    expect(parseRetryAfter(['7', '9'], now)).toBe(7000);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:59:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('retryAfterFromHeaders', () => {
  it('prefers the millisecond headers Azure sends', () => {
    expect(retryAfterFromHeaders({ 'retry-after-ms': '1500', 'retry-after': '2' }, 0)).toBe(1500);
    expect(retryAfterFromHeaders({ 'x-ms-retry-after-ms': '250' }, 0)).toBe(250);
  });
  it('falls back to Retry-After, and ignores junk', () => {
    expect(retryAfterFromHeaders({ 'retry-after-ms': 'soon', 'retry-after': '2' }, 0)).toBe(2000);
    expect(retryAfterFromHeaders({}, 0)).toBeUndefined();
  });
});
