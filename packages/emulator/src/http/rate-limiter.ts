// Token bucket: `perSecond` tokens refill every second, bursts up to `perSecond`. Azure's quota
// is per key, and the emulator has one key, so one bucket.
import { AzureErrors } from '../errors/azure-error-factory.js';

export interface RateLimiter {
  take(): void;
}

export function createRateLimiter(
  perSecond: number | undefined,
  now: () => number = Date.now,
): RateLimiter {
  if (perSecond === undefined) return { take: () => undefined };
  let tokens = perSecond;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(perSecond, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      const wait = Math.max(1, Math.ceil((1 - tokens) / perSecond));
      throw AzureErrors.rateLimited(wait);
    },
  };
}
