import { createWorker, OEM, type Worker } from 'tesseract.js';
import { BackendBusyError } from '../types.js';
import { langPathOf, type TessLanguage } from './tessdata.js';

interface Slot {
  lang: TessLanguage;
  worker: Promise<Worker>;
  busy: boolean;
}

// Tesseract prints diagnostics ("Too few characters. Skipping this page") to stdout: send them
// to the wasm file system's /dev/null instead.
const PARAMS = { debug_file: '/dev/null' };

async function newWorker(lang: TessLanguage): Promise<Worker> {
  // An explicit langPath and cacheMethod 'none': tesseract.js would otherwise fetch from a CDN
  // and write traineddata into the working directory.
  const w = await createWorker(lang, OEM.LSTM_ONLY, {
    langPath: langPathOf(lang),
    cacheMethod: 'none',
    gzip: true,
  });
  await w.setParameters(PARAMS);
  return w;
}

/**
 * Up to `size` tesseract workers, created on first use. A worker holds one language; when every
 * slot is taken by another language, an idle one is replaced. Callers queue when all are busy.
 * Workers keep the process alive, so after `idleMs` without work they are terminated (and made
 * again on the next job); close() terminates them at once.
 */
export class TesseractPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private osd: Promise<Worker> | undefined;
  private closed = false;
  private active = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  /**
   * @param size workers at most
   * @param idleMs idle time before the workers are let go @default 60_000 (60 s)
   * @param maxWaiting callers that may wait for a worker; more fail with BackendBusyError
   * @default 64
   */
  constructor(
    readonly size: number,
    private readonly idleMs = 60_000,
    private readonly maxWaiting = 64,
  ) {}

  /** Runs `job` on a worker for `lang`. */
  async use<T>(lang: TessLanguage, job: (w: Worker) => Promise<T>): Promise<T> {
    this.busy();
    try {
      const slot = await this.acquire(lang);
      try {
        return await job(await slot.worker);
      } finally {
        slot.busy = false;
        this.waiting.shift()?.();
      }
    } finally {
      this.done();
    }
  }

  /** Runs `job` on the orientation-and-script worker (legacy engine, osd data). */
  async useOsd<T>(job: (w: Worker) => Promise<T>): Promise<T> {
    this.busy();
    try {
      if (this.closed) throw new Error('the OCR worker pool is closed');
      this.osd ??= createWorker('osd', OEM.TESSERACT_ONLY, {
        langPath: langPathOf('osd'),
        cacheMethod: 'none',
        gzip: true,
        legacyCore: true,
        legacyLang: true,
      }).then(async (w) => (await w.setParameters(PARAMS), w));
      // A failed start is not remembered: the next call tries again.
      this.osd.catch(() => (this.osd = undefined));
      return await job(await this.osd);
    } finally {
      this.done();
    }
  }

  private busy(): void {
    this.active++;
    clearTimeout(this.idleTimer);
  }

  private done(): void {
    if (--this.active > 0 || this.closed) return;
    // unref: the timer itself must not keep the process alive either.
    // terminateAll settles every worker with allSettled: it does not reject.
    this.idleTimer = setTimeout(() => {
      this.terminateAll().catch(() => {});
    }, this.idleMs).unref();
  }

  private async acquire(lang: TessLanguage): Promise<Slot> {
    for (;;) {
      if (this.closed) throw new Error('the OCR worker pool is closed');
      const same = this.slots.find((s) => !s.busy && s.lang === lang);
      if (same) return ((same.busy = true), same);
      if (this.slots.length < this.size) {
        const slot: Slot = { lang, worker: this.spawn(lang), busy: true };
        this.slots.push(slot);
        return slot;
      }
      const idle = this.slots.find((s) => !s.busy);
      if (idle) {
        void idle.worker.then((w) => w.terminate()).catch(() => {});
        Object.assign(idle, { lang, worker: this.spawn(lang), busy: true });
        return idle;
      }
      if (this.waiting.length >= this.maxWaiting)
        throw new BackendBusyError('OCR worker queue', this.maxWaiting);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  // A worker that fails to start frees its slot, so the next caller tries afresh.
  private spawn(lang: TessLanguage): Promise<Worker> {
    const worker = newWorker(lang);
    worker.catch(() => {
      const i = this.slots.findIndex((s) => s.worker === worker);
      if (i >= 0) this.slots.splice(i, 1);
    });
    return worker;
  }

  /** Terminates every worker; later calls fail. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    this.waiting.splice(0).forEach((wake) => wake());
    await this.terminateAll();
  }

  private async terminateAll(): Promise<void> {
    const all = [...this.slots.map((s) => s.worker), ...(this.osd ? [this.osd] : [])];
    this.slots.length = 0;
    this.osd = undefined;
    await Promise.allSettled(all.map(async (w) => (await w).terminate()));
  }
}
