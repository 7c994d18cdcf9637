import { QueueFullError } from '../errors/error-classes.js';
import { abortError } from './clock.js';

/**
 * Caps in-flight upstream attempts; waiters are served first come, first served, and at most
 * `maxQueue` wait (more fail at once with QueueFullError).
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly max: number,
    private readonly maxQueue = Number.POSITIVE_INFINITY,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** A release function when a slot is free right now, else undefined (saves a promise per call). */
  tryAcquire(): (() => void) | undefined {
    if (this.active >= this.max || this.waiters.length > 0) return undefined;
    this.active += 1;
    return this.releaser();
  }

  /** Resolves with a release function once a slot is free. */
  async acquire(signal?: AbortSignal, operation = 'request'): Promise<() => void> {
    if (signal?.aborted) throw abortError(signal);
    if (this.active < this.max) {
      this.active += 1;
      return this.releaser();
    }
    if (this.waiters.length >= this.maxQueue) throw new QueueFullError(operation, this.maxQueue);
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(abortError(signal));
      };
      this.waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser(); // the slot was handed over by the releasing caller
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.active -= 1;
    };
  }
}
