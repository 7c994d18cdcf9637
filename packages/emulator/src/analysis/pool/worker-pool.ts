// A small pool of model workers. Each task kind has a home worker, so each model is loaded in one
// worker only (models are the bulk of the memory) while two workers still use both cores. The split
// balances all features of a 1 MP photo (bench/analysis.ts): face SSD (~150 ms, more per face) +
// landmarks (~90) in one worker, centernet objects (~300) + nsfw (~65) in the other. Landmarks
// beside the faces: house photo 473 -> 392 ms, family photo (6 faces) unchanged; nsfw there too
// made the family photo slower (695 ms).
import { availableParallelism } from 'node:os';
import type { EmulatorLogger } from '../../logger.js';
import { stderrLogger } from '../../logger.js';
import type { TaskKind, TaskMap, WorkerConfig } from './protocol.js';
import { WorkerSlot } from './worker-slot.js';

const HOME: Record<TaskKind, number> = {
  faces: 0,
  faceBoxes: 0,
  landmarks: 0,
  logos: 0,
  objects: 1,
  nsfw: 1,
  warmup: 0,
};

/** Each task kind has one home, and there are two homes. */
export const MAX_MODEL_WORKERS = 2;

/** One worker per core the process may use, up to {@link MAX_MODEL_WORKERS}. */
export const defaultModelWorkers = (): number =>
  Math.min(MAX_MODEL_WORKERS, availableParallelism());

export class WorkerPool {
  private readonly slots: WorkerSlot[];
  private nextId = 1;

  /**
   * @param size 1 or 2 workers (more would only hold extra copies of the models).
   * @param options.maxQueued tasks each worker may have waiting (more fail with BackendBusyError).
   * @param options.logger receives the workers' warnings and output.
   */
  constructor(
    size: number,
    config: WorkerConfig,
    options: { maxQueued?: number; logger?: EmulatorLogger } = {},
  ) {
    this.slots = Array.from(
      { length: Math.max(1, Math.min(MAX_MODEL_WORKERS, Math.floor(size))) },
      () => new WorkerSlot(config, options.logger ?? stderrLogger, options.maxQueued),
    );
  }

  run<K extends TaskKind>(
    kind: K,
    input: TaskMap[K]['in'],
    signal?: AbortSignal,
  ): Promise<TaskMap[K]['out']> {
    return this.runOn(this.slots[HOME[kind] % this.slots.length]!, kind, input, signal);
  }

  /** Loads each worker's models now instead of on the first request. */
  async warmup(): Promise<void> {
    const kinds = (Object.keys(HOME) as TaskKind[]).filter(
      (k) => k !== 'warmup' && k !== 'faceBoxes',
    );
    await Promise.all(
      this.slots.map((slot, i) =>
        this.runOn(slot, 'warmup', {
          kinds: kinds.filter((k) => HOME[k] % this.slots.length === i),
        }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.close()));
  }

  private runOn<K extends TaskKind>(
    slot: WorkerSlot,
    kind: K,
    input: TaskMap[K]['in'],
    signal?: AbortSignal,
  ): Promise<TaskMap[K]['out']> {
    return new Promise((resolve, reject) => {
      slot.submit({
        msg: { id: this.nextId++, kind, input },
        signal,
        resolve: resolve as (o: unknown) => void,
        reject,
      });
    });
  }
}
