// In-memory store of async text operations (Read 3.2 and v1.0 recognizeText). The work starts
// at once in the background; what a poll sees moves notStarted -> running -> succeeded|failed,
// each intermediate status held for a configurable number of polls and milliseconds so that
// clients exercise their polling loop. Results are forgotten after the TTL.
import { randomUUID } from 'node:crypto';
import type { ReadPageResult } from '../analysis/types.js';
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
}

export interface OperationStore {
  /** Registers an operation and starts `work` now; returns its id. */
  start(
    api: ApiVersion,
    modelVersion: string,
    work: (signal: AbortSignal) => Promise<ReadPageResult[]>,
  ): string;
  /** One poll: advances the visible status and returns it, or undefined for unknown/expired ids. */
  poll(api: ApiVersion, id: string): OperationSnapshot | undefined;
  /** Aborts running work and forgets everything. */
  close(): void;
}

export function createOperationStore(
  options: Pick<ResolvedOptions, 'readResultTtlMs' | 'readProgression'>,
  now: () => number = Date.now,
): OperationStore {
  const operations = new Map<string, Operation>();
  const lifetime = new AbortController();

  const sweep = (t: number): void => {
    for (const [id, op] of operations) if (op.expiresAt <= t) operations.delete(id);
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
      };
      operations.set(id, op);
      work(lifetime.signal).then(
        (pages) => (op.outcome = { pages }),
        (error: unknown) => (op.outcome = { error }),
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
    close() {
      lifetime.abort();
      operations.clear();
    },
  };
}
