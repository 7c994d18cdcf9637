import { createHash } from 'node:crypto';

/** What an `Image` resolves from: its stable key and how to send it upstream. */
export interface ImageRef {
  /** The normalised URL, or `sha256:<hex>` of the uploaded bytes. Also the cache key prefix. */
  readonly id: string;
  /** Set for URL images (sent to Azure as `{ url }`). */
  readonly url?: string;
  /** Set for uploads (sent as `application/octet-stream`). */
  readonly bytes?: Uint8Array;
}

/** An image by (already validated and normalised) URL. */
export function imageFromUrl(url: string): ImageRef {
  return { id: url, url };
}

/** An image by bytes; the id is content-addressed, so identical uploads share cache entries. */
export function imageFromBytes(bytes: Uint8Array): ImageRef {
  return { id: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, bytes };
}

/** Reads an uploaded WHATWG File once. */
export async function imageFromUpload(file: Blob): Promise<ImageRef> {
  return imageFromBytes(new Uint8Array(await file.arrayBuffer()));
}
