// Cancellation of fetches that several requests share. A fetch is aborted only when every request
// waiting on one of its keys has gone (client disconnected, execution timeout); a request that
// leaves early gets its own error at once while the others keep waiting for the value.

/** One upstream fetch and the number of request joins still waiting on it. */
export interface Flight {
  /** Fires when no request waits any more: the upstream call's signal. */
  readonly signal: AbortSignal;
  abort(reason: unknown): void;
  waiters: number;
  settled: boolean;
}

// Keyed by the promise registered with FeatureCache.claim(), which is what joiners get back
// (in this process). Joins of a fetch this process cannot see (another replica's) are not counted.
const flights = new WeakMap<Promise<unknown>, Flight>();

/**
 * A new flight. `onlyJoiner` is the signal of the one request that can ever join it (a cache that
 * lives inside one request): the flight ends exactly when that request does, so its signal serves
 * as the flight's and no controller of its own is built (one per upstream call, ~1% of the
 * gateway's CPU).
 */
export function newFlight(onlyJoiner?: AbortSignal): Flight {
  if (onlyJoiner) return { signal: onlyJoiner, abort: () => undefined, waiters: 0, settled: false };
  const controller = new AbortController();
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    waiters: 0,
    settled: false,
  };
}

export function registerFlight(pending: Promise<unknown>, flight: Flight): void {
  flights.set(pending, flight);
}

/** The error a request sees for a key it stopped waiting for (code `Aborted` maps to ABORTED). */
export class RequestAbortedError extends Error {
  override readonly name = 'AbortError';
  readonly kind = 'aborted';
  readonly code = 'Aborted';
  constructor(reason: unknown) {
    const why =
      reason instanceof Error && reason.name !== 'AbortError' ? `: ${reason.message}` : '';
    super(`The request was cancelled before this field was answered${why}`);
  }
}

/**
 * Waits on `pending` for one request. Without a signal the join is permanent. With one, the
 * request leaves when it fires: its promise rejects with RequestAbortedError, and the last
 * request to leave a fetch still in flight aborts that fetch.
 */
export function join(pending: Promise<unknown>, signal: AbortSignal | undefined): Promise<unknown> {
  const flight = flights.get(pending);
  if (signal?.aborted) return Promise.reject(new RequestAbortedError(signal.reason));
  if (flight) flight.waiters += 1;
  if (!signal) return pending;
  return new Promise((resolve, reject) => {
    const stopListening = (): void => signal.removeEventListener('abort', onAbort);
    const onAbort = (): void => {
      if (flight) {
        flight.waiters -= 1;
        if (flight.waiters === 0 && !flight.settled) flight.abort(signal.reason);
      }
      reject(new RequestAbortedError(signal.reason));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => (stopListening(), resolve(value)),
      (error: unknown) => (stopListening(), reject(error)),
    );
  });
}
