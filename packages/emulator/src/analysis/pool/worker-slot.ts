// One model worker and its queue. Tasks run one at a time (the wasm backend is single-threaded
// anyway), so an aborted request's queued tasks can be dropped before they ever start.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { EmulatorLogger, LogLevel } from '../../logger.js';
import { BackendBusyError } from '../types.js';
import { AnalysisAbortedError, ModelWorkerError } from './errors.js';
import type { LogMessage, ReplyMessage, TaskMessage, WorkerConfig } from './protocol.js';
import { modelWorkerEntry } from './worker-url.js';

export interface Job {
  msg: TaskMessage;
  signal?: AbortSignal;
  resolve(output: unknown): void;
  reject(err: Error): void;
}

/**
 * Tasks one worker may have waiting. An analyze request queues one to three tasks per worker, so
 * this is some 30 requests deep; past it requests are refused (429) rather than queued for minutes.
 */
export const MAX_QUEUED_TASKS = 64;

export class WorkerSlot {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private closed = false;

  constructor(
    private readonly config: WorkerConfig,
    private readonly logger: EmulatorLogger,
    private readonly maxQueued = MAX_QUEUED_TASKS,
  ) {}

  submit(job: Job): void {
    if (this.closed) return job.reject(new ModelWorkerError('the analysis backend is closed'));
    if (job.signal?.aborted) return job.reject(new AnalysisAbortedError());
    if (this.queue.length >= this.maxQueued)
      return job.reject(new BackendBusyError('model worker queue', this.maxQueued));
    // The caller gives up at once; a queued job is dropped, a running one finishes unobserved.
    const onAbort = (): void => {
      const i = this.queue.indexOf(job);
      if (i >= 0) this.queue.splice(i, 1);
      job.reject(new AnalysisAbortedError());
    };
    job.signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => job.signal?.removeEventListener('abort', onAbort);
    const { resolve, reject } = job;
    job.resolve = (out) => {
      done();
      resolve(out);
    };
    job.reject = (err) => {
      done();
      reject(err);
    };
    this.queue.push(job);
    this.pump();
  }

  /** Jobs waiting or running, for tests and diagnostics. */
  get load(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** Rejects queued and running jobs, then stops the worker. */
  async close(): Promise<void> {
    this.closed = true;
    const closing = new ModelWorkerError('the analysis backend is closed');
    for (const job of this.queue.splice(0)) job.reject(closing);
    this.running?.reject(closing);
    this.running = undefined;
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return this.worker?.unref(); // an idle worker must not keep the process alive
    const worker = this.ensureWorker();
    worker.ref();
    this.running = job;
    worker.postMessage(job.msg);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const { entry, eval: evaluate } = modelWorkerEntry();
    // stdout/stderr piped to us, not to the process: what the model libraries print (notices,
    // warnings) becomes log lines instead of stray text in the embedding server's log.
    const w = new Worker(entry, {
      workerData: this.config,
      eval: evaluate,
      stdout: true,
      stderr: true,
    });
    this.forward(w.stdout, 'debug');
    this.forward(w.stderr, 'warn');
    w.on('message', (m: ReplyMessage | LogMessage) => {
      if ('log' in m) this.logger[m.log.level](m.log.msg, m.log.fields);
      else this.settle(m);
    });
    w.on('error', (err) => this.fail(w, err));
    w.on('exit', (code) => this.fail(w, new Error(`model worker exited with code ${code}`)));
    this.worker = w;
    return w;
  }

  private forward(stream: Readable, level: LogLevel): void {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (text) => {
      if (text.trim() !== '') this.logger[level]('model worker output', { text });
    });
  }

  private settle(reply: ReplyMessage): void {
    const job = this.running;
    this.running = undefined;
    if (job && job.msg.id === reply.id) {
      if (reply.ok) job.resolve(reply.output);
      else job.reject(new ModelWorkerError(`${reply.error.name}: ${reply.error.message}`));
    }
    this.pump();
  }

  private fail(w: Worker, err: Error): void {
    if (this.worker !== w) return; // already closed or replaced
    this.worker = undefined;
    const job = this.running;
    this.running = undefined;
    job?.reject(new ModelWorkerError(`model worker failed: ${err.message}`));
    this.pump(); // the next job gets a fresh worker
  }
}
