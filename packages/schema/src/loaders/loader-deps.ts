import type { FeatureCache } from '../cache/feature-cache.js';
import type { VisionClientLike } from '../client.js';
import type { TransactionMeter } from '../cost/transaction-meter.js';
import type { ImageRef } from '../image/image-ref.js';
import type { VisionApiSetting } from './vision-api.js';

/** What every loader of one request shares. */
export interface LoaderDeps {
  client: VisionClientLike;
  cache: FeatureCache;
  /** TTL of entries about URL images (their content may change); uploads never expire. */
  urlTtlMs: number;
  /** Bytes for URLs the server answers itself (see CreateContextOptions.localImage). */
  localImage?: (url: string) => Promise<Uint8Array | undefined>;
  /** Fires when the request is abandoned (client gone, execution timeout). */
  signal?: AbortSignal;
  /** Counts the request's Azure transactions: spent, and saved by the cache. */
  meter: TransactionMeter;
  /** Most pages one read asks for (and bills); undefined asks for all. */
  readPageLimit: number | undefined;
  /** The server's VISION_API setting: what it learned about 4.0 captions in this region. */
  visionApi: VisionApiSetting;
}

/**
 * What core's client is given for an image: its bytes (uploads, and URLs `localImage` answers)
 * or its URL. Looked up at call time, so resolving an image stays synchronous and every field
 * of a request lands in one DataLoader batch.
 */
export async function upstreamInput(
  deps: LoaderDeps,
  image: ImageRef,
): Promise<string | Uint8Array> {
  if (image.bytes) return image.bytes;
  const url = image.url as string;
  return (await deps.localImage?.(url)) ?? url;
}

/** Cache entries of uploads are content-addressed, so only URL images get a TTL. */
export function ttlFor(deps: LoaderDeps, image: ImageRef | undefined): number | undefined {
  return image?.bytes ? undefined : deps.urlTtlMs;
}

/** The cache key of one result: image, operation and parameters, unambiguous whatever the URL holds. */
export function cacheKey(
  imageId: string,
  operation: string,
  ...params: (string | number | boolean)[]
): string {
  return JSON.stringify([imageId, operation, ...params]);
}
