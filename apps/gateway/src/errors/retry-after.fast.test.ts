import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from './retry-after.js';

const failed = (...retryAfterMs: unknown[]) => ({
  errors: retryAfterMs.map(
    (ms) =>
      new GraphQLError('x', {
        extensions: ms === undefined ? { code: 'C' } : { code: 'C', retryAfterMs: ms },
      }),
  ),
});

describe('retryAfterSeconds', () => {
  it('is the largest delay among the errors, in seconds rounded up', () => {
    expect(retryAfterSeconds([failed(1_200, 9_001, undefined, 3_000)])).toBe(10);
    expect(retryAfterSeconds([failed(2_000)])).toBe(2);
    expect(retryAfterSeconds([failed(1)])).toBe(1);
    // Azure's `Retry-After: 0` means "now", and says so.
    expect(retryAfterSeconds([failed(0)])).toBe(0);
  });

  it('looks at every result of a batched request', () => {
    expect(retryAfterSeconds([failed(500), { data: {} }, failed(4_500)])).toBe(5);
  });

  it('is undefined when no error says when to come back', () => {
    expect(retryAfterSeconds([{ data: { a: 1 } }])).toBeUndefined();
    expect(retryAfterSeconds([failed(undefined, undefined)])).toBeUndefined();
    expect(retryAfterSeconds([failed('7000', -5, Number.NaN, Infinity, null)])).toBeUndefined();
  });
});
