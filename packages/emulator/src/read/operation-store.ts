// In-memory store of async text operations (Read 3.2 and v1.0 recognizeText). The work starts
// at once in the background; what a poll sees moves notStarted -> running -> succeeded|failed,
// each intermediate status held for a configurable number of polls and milliseconds so that
// clients exercise their polling loop. Results are forgotten after the TTL.
import { randomUUID } from 'node:crypto';
import type { ReadPageResult } from '../analysis/types.js';
import { AzureErrors } from '../errors/azure-error-factory.js';
import type { ApiVersion, ResolvedOptions } from '../options.js';

export type OperationStatus = 'notStarted' | 'running' | 'succeeded' | 'failed';

export interface OperationSnapshot {
  status: OperationStatus;
  created: Date;
  lastUpdated: Date;
  modelVersion: string;
  pages?: ReadPageResult[];
}

interface Operation {
  api: ApiVersion;
  created: number;
  lastUpdated: number;
  expiresAt: number;
  modelVersion: string;
  shown: OperationStatus;
  stageEnteredAt: number;
  pollsInStage: number;
  outcome?: { pages: ReadPageResult[] } | { error: unknown };
  /** Aborts the work when the operation is evicted or the store closes. */
  work: AbortController;
  /** JSON bytes of the stored result. */
  bytes: number;
}

/** Bounds of the operation store; all three keep a flood of reads from exhausting the process. */
export interface ReadLimitOptions {
  /** Reads running at once; another POST is answered 429 with Retry-After. @default 8 */
  maxRunning?: number;
  /** Operations remembered (running or finished); the oldest is forgotten first. @default 10_000 */
  maxOperations?: number;
  /**
   * JSON bytes of results kept; the oldest are forgotten first, and a single result bigger than
   * this ends `failed`. @default 134_217_728 (128 MiB)
   */
  maxResultBytes?: number;
}

export const DEFAULT_READ_LIMITS: Required<ReadLimitOptions> = {
  maxRunning: 8,
  maxOperations: 10_000,
  maxResultBytes: 128 * 1024 * 1024,
};

/** Retry-After of the 429 for a read POST while maxRunning reads run. */
const BUSY_RETRY_AFTER_SECONDS = 2;

export interface OperationStore {
  /**
   * Registers an operation and starts `work` now; returns its id.
   * @throws AzureError 429 when `maxRunning` reads are running.
   */
  start(
    api: ApiVersion,
    modelVersion: string,
    work: (signal: AbortSignal) => Promise<ReadPageResult[]>,
  ): string;
  /** One poll: advances the visible status and returns it, or undefined for unknown/expired ids. */
  poll(api: ApiVersion, id: string): OperationSnapshot | undefined;
  /** Operations remembered, reads running and result bytes held (tests, diagnostics). */
  readonly size: { operations: number; running: number; bytes: number };
  /** Aborts running work and forgets everything. */
  close(): void;
}

export function createOperationStore(
  options: Pick<ResolvedOptions, 'readResultTtlMs' | 'readProgression'> & {
    readLimits?: Required<ReadLimitOptions>;
  },
  now: () => number = Date.now,
): OperationStore {
  const limits = options.readLimits ?? DEFAULT_READ_LIMITS;
  // Insertion order is creation order, and every operation lives readResultTtlMs: the expired
  // ones are always at the front, so a sweep stops at the first live one.
  const operations = new Map<string, Operation>();
  let running = 0;
  let bytes = 0;

  const forget = (id: string, op: Operation): void => {
    operations.delete(id);
    bytes -= op.bytes;
    if (!op.outcome) {
      running -= 1;
      op.outcome = { error: new Error('evicted') };
      op.work.abort();
    }
  };
  const forgetOldest = (): void => {
    const oldest = operations.entries().next();
    if (!oldest.done) forget(...oldest.value);
  };
  const sweep = (t: number): void => {
    for (const [id, op] of operations) {
      if (op.expiresAt > t) break;
      forget(id, op);
    }
  };

  // Moves the visible status forward once the current stage has had its polls and its time.
  const advance = (op: Operation, t: number): void => {
    const { notStarted, running } = options.readProgression;
    const stageDone = (stage: { polls: number; ms: number }): boolean =>
      op.pollsInStage >= stage.polls && t - op.stageEnteredAt >= stage.ms;
    const enter = (status: OperationStatus): void => {
      op.shown = status;
      op.stageEnteredAt = t;
      op.pollsInStage = 0;
      op.lastUpdated = t;
    };
    if (op.shown === 'notStarted' && stageDone(notStarted)) enter('running');
    if (op.shown === 'running' && op.outcome && stageDone(running))
      enter('pages' in op.outcome ? 'succeeded' : 'failed');
  };

  return {
    start(api, modelVersion, work) {
      const t = now();
      sweep(t);
      if (running >= limits.maxRunning) throw AzureErrors.rateLimited(BUSY_RETRY_AFTER_SECONDS);
      while (operations.size >= limits.maxOperations) forgetOldest();
      const id = randomUUID();
      const op: Operation = {
        api,
        created: t,
        lastUpdated: t,
        expiresAt: t + options.readResultTtlMs,
        modelVersion,
        shown: 'notStarted',
        stageEnteredAt: t,
        pollsInStage: 0,
        work: new AbortController(),
        bytes: 0,
      };
      operations.set(id, op);
      running += 1;
      const finish = (outcome: Operation['outcome']): void => {
        if (op.outcome) return; // evicted meanwhile
        running -= 1;
        op.outcome = outcome;
      };
      work(op.work.signal).then(
        (pages) => {
          const size = Buffer.byteLength(JSON.stringify(pages));
          if (op.outcome) return;
          if (size > limits.maxResultBytes) return finish({ error: new Error('result too large') });
          finish({ pages });
          op.bytes = size;
          bytes += size;
          // Other results go, oldest first; this one was just asked for, so it stays.
          for (const [otherId, other] of operations) {
            if (bytes <= limits.maxResultBytes) break;
            if (other !== op) forget(otherId, other);
          }
        },
        (error: unknown) => finish({ error }),
      );
      return id;
    },
    poll(api, id) {
      const t = now();
      sweep(t);
      const op = operations.get(id.toLowerCase());
      // An id is only valid under the API version that created it.
      if (!op || op.api !== api) return undefined;
      advance(op, t);
      op.pollsInStage += 1;
      const pages = op.outcome && 'pages' in op.outcome ? op.outcome.pages : undefined;
      return {
        status: op.shown,
        created: new Date(op.created),
        lastUpdated: new Date(op.lastUpdated),
        modelVersion: op.modelVersion,
        ...(op.shown === 'succeeded' && pages ? { pages } : {}),
      };
    },
    get size() {
      return { operations: operations.size, running, bytes };
    },
    close() {
      for (const [id, op] of operations) forget(id, op);
    },
  };
}
