import type { RateLimitOptions } from '../options.js';
import { checkNumber } from '../check-option.js';
import { QueueFullError } from '../errors/error-classes.js';
import { systemClock, type Clock } from './clock.js';

/**
 * What the client needs from a rate limiter: wait for permission to send one attempt.
 * The default is the in-memory TokenBucket; a gateway running several replicas can pass one
 * backed by a shared store, since Azure's quota is per key, not per process.
 */
export interface RateLimiter {
  /** Resolves when one request may go; rejects (AbortError) if `signal` fires first. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * Token bucket: `burst` requests may go at once, then one every 1/requestsPerSecond.
 * Each caller reserves a token immediately (the balance may go negative) and sleeps for its
 * share of the debt, so waiters leave in arrival order without polling.
 */
export class TokenBucket implements RateLimiter {
  private tokens: number;
  private last: number;
  private readonly requestsPerSecond: number;
  private readonly burst: number;
  private readonly maxQueue: number;
  private readonly clock: Clock;

  /**
   * Takes the same settings as the client's `rateLimit` option; `maxQueue` is the client's (most
   * callers waiting; more fail at once with QueueFullError); `clock` is for tests.
   */
  constructor(options: RateLimitOptions & { clock?: Clock; maxQueue?: number }) {
    this.requestsPerSecond = checkNumber(
      'rateLimit.requestsPerSecond',
      options.requestsPerSecond,
      Number.MIN_VALUE,
    );
    this.burst = checkNumber('rateLimit.burst', options.burst ?? 1, 1, true);
    this.maxQueue = checkNumber('maxQueue', options.maxQueue ?? Number.POSITIVE_INFINITY, 0);
    this.clock = options.clock ?? systemClock;
    this.tokens = this.burst;
    this.last = this.clock.now();
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.last) / 1000) * this.requestsPerSecond,
    );
    this.last = now;
    // Each waiter holds one token of debt: a debt of maxQueue means maxQueue callers wait already.
    if (this.tokens - 1 < -this.maxQueue) {
      // Room comes back when the balance has refilled to 1 - maxQueue: tell the caller when.
      const refillMs = ((1 - this.maxQueue - this.tokens) / this.requestsPerSecond) * 1000;
      throw new QueueFullError('rate limit', this.maxQueue, Math.ceil(refillMs));
    }
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
