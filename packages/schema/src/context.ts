import { setMaxListeners } from 'node:events';
import type { FeatureCache } from './cache/feature-cache.js';
import { createRequestFeatureCache } from './cache/request-feature-cache.js';
import type { VisionClientLike } from './client.js';
import { type ImageRef, imageFromUpload } from './image/image-ref.js';
import { createLoaders, type Loaders } from './loaders/loaders.js';
import {
  createVisionApiSetting,
  type VisionApiMode,
  type VisionApiSetting,
} from './loaders/vision-api.js';
import { createTransactionMeter, type TransactionMeter } from './cost/transaction-meter.js';

export interface CreateContextOptions {
  /** The upstream client (`createVisionClient(...)` from @visiongraph/core). */
  client: VisionClientLike;
  /**
   * The cross-request feature cache. Create one per server and pass it to every request;
   * without it, each request gets a private cache (no reuse between requests).
   * @default a cache that lives as long as the request
   */
  cache?: FeatureCache;
  /**
   * How long results about URL images stay cached, in ms (the image behind a URL may change).
   * Uploads are content-addressed and never expire (only evicted).
   * @default 300_000 // 5 min
   */
  urlTtlMs?: number;
  /**
   * Bytes for image URLs the server can answer itself (the gateway's own `/examples/`), so the
   * upstream need not download them: an upstream that refuses private addresses, or Azure,
   * cannot reach a gateway on localhost. Undefined sends the URL upstream as it is.
   * @default every URL goes upstream
   */
  localImage?: (url: string) => Promise<Uint8Array | undefined>;
  /**
   * The request's AbortSignal (graphql-yoga: `request.signal`, or combined with a timeout). When
   * it fires, the request's pending fields fail with ABORTED and upstream calls no other request
   * waits for are aborted (a read stops polling).
   */
  signal?: AbortSignal;
  /**
   * Which API answers caption, tags, objects and text: '3.2', '4.0' or 'auto' (4.0 where the
   * resource has it, learned from its answers). Pass one `createVisionApiSetting()` per server so
   * what it learns (auto: whether there is 4.0; every mode: whether the region has 4.0 captions)
   * is learned once; a mode string gets a setting of its own for this request.
   * @default '3.2' (as before 4.0 support; v3.2 is the API every resource has)
   */
  visionApi?: VisionApiMode | VisionApiSetting;
  /**
   * Most pages a read asks Azure for (it bills per page); the transaction budget counts this
   * many per `text` field. @default undefined (all pages)
   */
  readPageLimit?: number;
}

/** The GraphQL context the schema's resolvers need. */
export interface SchemaContext {
  loaders: Loaders;
  visionApi: VisionApiSetting;
  /** Reads an uploaded file once per request, however many fields or aliases receive it. */
  readUpload(file: Blob): Promise<ImageRef>;
  /** Azure transactions this request spent, and saved by the cache, so far. */
  transactions: TransactionMeter;
}

/** Builds the per-request context: fresh DataLoaders in front of the shared cache. */
export function createContext(options: CreateContextOptions): SchemaContext {
  const urlTtlMs = options.urlTtlMs ?? 300_000;
  if (!Number.isFinite(urlTtlMs) || urlTtlMs <= 0) {
    throw new RangeError(`urlTtlMs must be a positive number of ms, got ${urlTtlMs}`);
  }
  const cache = options.cache ?? createRequestFeatureCache();
  // Every field waiting on upstream work listens to the request's signal until its value arrives
  // (and with a request-scoped cache, every upstream call too): a few images' fields are dozens at
  // once by design, not the leak Node warns of past 10 listeners.
  if (options.signal) setMaxListeners(0, options.signal);
  const uploads = new WeakMap<Blob, Promise<ImageRef>>();
  const meter = createTransactionMeter();
  const visionApi =
    typeof options.visionApi === 'object'
      ? options.visionApi
      : createVisionApiSetting(options.visionApi ?? '3.2');
  return {
    transactions: meter,
    loaders: createLoaders({
      client: options.client,
      cache,
      urlTtlMs,
      meter,
      readPageLimit: options.readPageLimit,
      visionApi,
      ...(options.localImage ? { localImage: options.localImage } : {}),
      ...(options.signal && { signal: options.signal }),
    }),
    visionApi,
    readUpload(file) {
      let image = uploads.get(file);
      if (!image) uploads.set(file, (image = imageFromUpload(file)));
      return image;
    },
  };
}
