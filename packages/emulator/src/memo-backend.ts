// A memo of analysis results keyed by image content. The emulator is deterministic (the same
// pixels give the same answer), so an image sent again, or sent to another operation that needs
// parts already computed (analyze, then describe), is answered without running the models again.
// analyze is memoised per part; the inner backend is asked only for the parts not yet known.
import { createHash } from 'node:crypto';
import type {
  AnalysisOptions,
  AnalyzeRequest,
  AnalyzeResult,
  LoadedImage,
  VisionBackend,
} from './analysis/types.js';

export interface AnalysisMemoOptions {
  /** Distinct images (by content) whose results are kept; the least recently used goes first. @default 64 */
  maxImages?: number;
}

/** One inner computation, shared by every caller that asked for it while it ran. */
interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

type Part = keyof AnalyzeResult;
const PARTS: Part[] = [
  'people',
  'denseCaptions',
  'faces',
  'objects',
  'tags',
  'description',
  'categories',
  'color',
  'imageType',
  'adult',
  'brands',
  'celebrities',
  'landmarks',
];

/** The memo key of one requested analyze part; undefined when the part is not requested. */
function partKey(req: AnalyzeRequest, part: Part): string | undefined {
  if (part === 'description')
    return req.description ? `description:${req.description.maxCandidates}` : undefined;
  // Category details (celebrities, landmarks) are only filled when those were asked for too.
  if (part === 'categories')
    return req.categories
      ? `categories:${req.celebrities ? 'c' : ''}${req.landmarks ? 'l' : ''}`
      : undefined;
  return req[part] ? part : undefined;
}

/** Results handed out are copies, so a route that edits its answer cannot change the memo. */
function copy<T>(value: T): T {
  if (Buffer.isBuffer(value)) return Buffer.from(value) as T;
  if (
    value &&
    typeof value === 'object' &&
    'data' in value &&
    Buffer.isBuffer((value as { data: unknown }).data)
  ) {
    return { ...value, data: Buffer.from((value as { data: Buffer }).data) };
  }
  return structuredClone(value);
}

/** Waits for a flight on behalf of one caller; the caller's abort leaves it, the last one out aborts it. */
function join(flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
  flight.waiters += 1;
  return new Promise((resolve, reject) => {
    let left = false;
    const leave = (): void => {
      if (left) return;
      left = true;
      signal?.removeEventListener('abort', onAbort);
      flight.waiters -= 1;
      if (flight.waiters === 0 && !flight.settled) flight.controller.abort(signal?.reason);
    };
    const onAbort = (): void => {
      leave();
      reject(signal?.reason);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    flight.promise.then(
      (value) => {
        leave();
        resolve(value);
      },
      (err: unknown) => {
        leave();
        reject(err);
      },
    );
  });
}

/** Wraps `inner` with the memo; `close()` clears it and closes `inner`. */
export function createMemoBackend(
  inner: VisionBackend,
  options: AnalysisMemoOptions = {},
): VisionBackend {
  const maxImages = options.maxImages ?? 64;
  // content hash -> (operation key -> flight); Map order is the LRU order.
  const images = new Map<string, Map<string, Flight>>();
  // The same Buffer is often passed to several calls of one request: hash it once.
  const hashes = new WeakMap<Buffer, string>();

  const entryOf = (img: LoadedImage): Map<string, Flight> => {
    let hash = hashes.get(img.bytes);
    if (hash === undefined) {
      hash = createHash('sha256').update(img.bytes).digest('hex');
      hashes.set(img.bytes, hash);
    }
    let entry = images.get(hash);
    if (entry) images.delete(hash);
    else entry = new Map();
    images.set(hash, entry);
    for (const oldest of images.keys()) {
      if (images.size <= maxImages) break;
      images.delete(oldest);
    }
    return entry;
  };

  /** Starts one inner computation and records it under `keys`; forgotten again if it fails. */
  const start = (
    entry: Map<string, Flight>,
    keys: string[],
    run: (signal: AbortSignal) => Promise<unknown>,
  ): Flight => {
    const controller = new AbortController();
    const flight: Flight = { controller, waiters: 0, settled: false, promise: Promise.resolve() };
    const forget = (): void => {
      for (const key of keys) if (entry.get(key) === flight) entry.delete(key);
    };
    controller.signal.addEventListener('abort', forget, { once: true });
    flight.promise = run(controller.signal).then(
      (value) => {
        flight.settled = true;
        return value;
      },
      (err: unknown) => {
        flight.settled = true;
        forget();
        throw err;
      },
    );
    flight.promise.catch(() => undefined); // the waiters see the error; no unhandled rejection here
    for (const key of keys) entry.set(key, flight);
    return flight;
  };

  const memo = async <T>(
    img: LoadedImage,
    key: string,
    opts: AnalysisOptions | undefined,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    const entry = entryOf(img);
    const flight = entry.get(key) ?? start(entry, [key], run);
    return copy((await join(flight, opts?.signal)) as T);
  };

  const analyze = async (
    img: LoadedImage,
    req: AnalyzeRequest,
    opts?: AnalysisOptions,
  ): Promise<AnalyzeResult> => {
    const entry = entryOf(img);
    const wanted = PARTS.flatMap((part) => {
      const key = partKey(req, part);
      return key === undefined ? [] : [{ part, key }];
    });
    const missing = wanted.filter(({ key }) => !entry.has(key));
    if (missing.length > 0) {
      const sub: AnalyzeRequest = {};
      for (const { part } of missing) {
        if (part === 'description') sub.description = req.description!;
        else if (part === 'categories')
          Object.assign(sub, {
            categories: true,
            celebrities: req.celebrities,
            landmarks: req.landmarks,
          });
        else sub[part] = true;
      }
      const run = (signal: AbortSignal): Promise<AnalyzeResult> =>
        inner.analyze(img, sub, { signal });
      // Only the missing keys point at this flight: a part the sub-request computes as a side
      // effect (celebrities for category details) keeps its own entry.
      start(
        entry,
        missing.map(({ key }) => key),
        run,
      );
    }
    const picked = wanted.map((w) => ({ ...w, flight: entry.get(w.key)! }));
    const distinct = [...new Set(picked.map(({ flight }) => flight))];
    const results = new Map<Flight, AnalyzeResult>();
    const settled = await Promise.all(distinct.map((flight) => join(flight, opts?.signal)));
    distinct.forEach((flight, i) => results.set(flight, settled[i] as AnalyzeResult));
    const out: AnalyzeResult = {};
    for (const { part, flight } of picked)
      Object.assign(out, { [part]: copy(results.get(flight)![part]) });
    return out;
  };

  return {
    load: (bytes, limits) => inner.load(bytes, limits),
    analyze,
    thumbnail: (img, w, h, smart, opts) =>
      memo(img, `thumbnail:${w}x${h}:${smart}`, opts, (signal) =>
        inner.thumbnail(img, w, h, smart, { signal }),
      ),
    areaOfInterest: (img, opts) =>
      memo(img, 'areaOfInterest', opts, (signal) => inner.areaOfInterest(img, { signal })),
    smartCrops: (img, ratios, opts) =>
      memo(img, `smartCrops:${ratios?.join(',') ?? 'auto'}`, opts, (signal) =>
        inner.smartCrops(img, ratios, { signal }),
      ),
    ocr: (img, params, opts) =>
      memo(img, `ocr:${params.language}:${params.detectOrientation}`, opts, (signal) =>
        inner.ocr(img, params, { signal }),
      ),
    read: (img, params, opts) =>
      memo(
        img,
        `read:${JSON.stringify([params.language, params.pages, params.readingOrder, params.handwriting])}`,
        opts,
        (signal) => inner.read(img, params, { signal }),
      ),
    close: async () => {
      images.clear();
      await inner.close();
    },
  };
}
