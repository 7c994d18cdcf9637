import type { Clock } from './clock.js';

/**
 * Token bucket: `burst` requests may go at once, then one every 1/requestsPerSecond.
 * Each caller reserves a token immediately (the balance may go negative) and sleeps for its
 * share of the debt, so waiters leave in arrival order without polling.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly requestsPerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.requestsPerSecond);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    const waitMs = (-this.tokens / this.requestsPerSecond) * 1000;
    try {
      await this.clock.sleep(waitMs, signal);
    } catch (err) {
      this.tokens += 1; // an aborted waiter gives its reservation back
      throw err;
    }
  }
}
