// Token bucket: `perSecond` tokens refill every second, bursts up to `perSecond` (at least one,
// so rates under 1/s, like Azure F0's 20 per minute, let a request through every 1/rate seconds).
// Azure's quota is per key, and the emulator has one key, so one bucket.
import { AzureErrors } from '../errors/azure-error-factory.js';

export interface RateLimiter {
  take(): void;
}

export function createRateLimiter(
  perSecond: number | undefined,
  now: () => number = Date.now,
): RateLimiter {
  if (perSecond === undefined) return { take: () => undefined };
  const burst = Math.max(1, perSecond);
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens >= 1 - 1e-9) {
        tokens -= 1;
        return;
      }
      const wait = Math.max(1, Math.ceil((1 - tokens) / perSecond - 1e-9));
      throw AzureErrors.rateLimited(wait);
    },
  };
}
