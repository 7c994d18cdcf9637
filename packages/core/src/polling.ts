import { PollingTimeoutError, ReadFailedError } from './errors/error-classes.js';
import type { ReadOperationResult } from './generated/spec-types.js';
import type { Clock } from './http/clock.js';
import type { PollingOptions } from './options.js';
import type { ReadResultPoll } from './operations/get-read-result.js';

export interface PollJob {
  clock: Clock;
  /** One GET of the result; its retries must not start after `deadline`. */
  poll: (signal: AbortSignal | undefined, deadline: number) => Promise<ReadResultPoll>;
  operationId: string;
  polling: Required<PollingOptions>;
  /** Clock time of the submission; the deadline counts from here. */
  startedAt: number;
  signal?: AbortSignal;
}

/**
 * Polls a read operation until `succeeded` (returned) or `failed` (ReadFailedError). Waits
 * `initialDelayMs`, then `intervalMs` or the service's `Retry-After` (never under
 * `minIntervalMs`) between polls; a wait that
 * would end past the deadline throws PollingTimeoutError instead.
 */
export async function pollUntilDone(job: PollJob): Promise<ReadOperationResult> {
  const { clock, poll, operationId, polling, startedAt, signal } = job;
  const deadline = startedAt + polling.timeoutMs;
  let delay = polling.initialDelayMs;
  for (;;) {
    if (clock.now() + delay > deadline)
      throw new PollingTimeoutError(operationId, polling.timeoutMs, { operation: 'readAndWait' });
    await clock.sleep(delay, signal);
    const { result, retryAfterMs } = await poll(signal, deadline);
    if (result.status === 'succeeded') return result;
    if (result.status === 'failed')
      throw new ReadFailedError(operationId, { operation: 'readAndWait' });
    delay = Math.max(polling.minIntervalMs, retryAfterMs ?? polling.intervalMs);
  }
}
