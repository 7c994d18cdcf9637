import { CircuitOpenError } from '../errors/error-classes.js';
import type { Clock } from './clock.js';

/** When to stop calling an upstream that keeps failing, and when to try it again. */
export interface CircuitBreakerOptions {
  /**
   * Consecutive failed attempts (connection failures, timeouts, 5xx) that open the circuit.
   * @default 5
   */
  failureThreshold?: number;
  /**
   * How long the circuit stays open before one probe attempt is let through (plus up to 20%
   * random, so replicas do not probe in lockstep).
   * @default 10_000
   */
  openMs?: number;
}

type State = 'closed' | 'open' | 'half-open';

// What a caller is told while the probe is out: its answer is due any moment, so not "now" (a
// Retry-After of 0 invites a retry storm) but the shortest wait a Retry-After header can say.
const PROBE_PENDING_RETRY_MS = 1000;

/**
 * One breaker per upstream. Closed: every attempt goes. Open: attempts fail at once with
 * CircuitOpenError (code `CircuitOpen`) until `openMs` has passed. Half-open: one probe goes; its
 * success closes the circuit, its failure opens it again. Answers that prove the upstream is up
 * (2xx, 4xx, 429) count as success.
 */
export class CircuitBreaker {
  private state: State = 'closed';
  private failures = 0;
  private reopenAt = 0;
  private readonly threshold: number;
  private readonly openMs: number;

  constructor(
    options: Required<CircuitBreakerOptions>,
    private readonly clock: Clock,
    private readonly random: () => number,
  ) {
    this.threshold = options.failureThreshold;
    this.openMs = options.openMs;
  }

  get status(): State {
    return this.state;
  }

  /** Lets one attempt go, or throws CircuitOpenError. */
  admit(operation: string): void {
    if (this.state === 'closed') return;
    const now = this.clock.now();
    if (this.state === 'open' && now >= this.reopenAt) {
      this.state = 'half-open'; // this attempt is the probe
      return;
    }
    const retryAfterMs =
      this.state === 'half-open'
        ? PROBE_PENDING_RETRY_MS
        : Math.max(0, Math.ceil(this.reopenAt - now));
    throw new CircuitOpenError(operation, retryAfterMs);
  }

  /** The upstream answered: it is up. */
  succeeded(): void {
    this.state = 'closed';
    this.failures = 0;
  }

  /** Connection failure, timeout or 5xx. */
  failed(): void {
    this.failures += 1;
    if (this.state === 'half-open' || this.failures >= this.threshold) this.open();
  }

  /** The attempt ended without telling anything (aborted by its caller): let the next one probe. */
  inconclusive(): void {
    if (this.state === 'half-open') {
      this.state = 'open';
      this.reopenAt = this.clock.now();
    }
  }

  private open(): void {
    this.state = 'open';
    this.reopenAt = this.clock.now() + this.openMs * (1 + 0.2 * this.random());
  }
}
