import { describe, expect, it } from 'vitest';
import { AzureError } from '../errors/azure-error.js';
import { createRateLimiter } from './rate-limiter.js';

/** The Retry-After of a refusal, or 'ok' when the request went through. */
function attempt(limiter: { take(): void }): string {
  try {
    limiter.take();
    return 'ok';
  } catch (err) {
    if (!(err instanceof AzureError)) throw err;
    expect(err.status).toBe(429);
    return `429 Retry-After ${err.headers['Retry-After']}`;
  }
}

describe('emulator rate limiter', () => {
  it("lets Azure F0's 20 per minute through: one request every 3 s", () => {
    let now = 0;
    const limiter = createRateLimiter(20 / 60, () => now);
    expect(attempt(limiter)).toBe('ok');
    expect(attempt(limiter)).toBe('429 Retry-After 3');
    now = 2_000;
    expect(attempt(limiter)).toBe('429 Retry-After 1');
    now = 3_000;
    expect(attempt(limiter)).toBe('ok');
    now = 60_000; // a long pause banks at most one request
    expect([attempt(limiter), attempt(limiter)]).toEqual(['ok', '429 Retry-After 3']);
  });

  it('allows bursts up to the rate at 1/s and more', () => {
    let now = 0;
    const limiter = createRateLimiter(2, () => now);
    expect([attempt(limiter), attempt(limiter), attempt(limiter)]).toEqual([
      'ok',
      'ok',
      '429 Retry-After 1',
    ]);
    now = 500;
    expect(attempt(limiter)).toBe('ok');
  });
});
