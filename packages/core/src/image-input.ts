import { InvalidInputError } from './errors/error-classes.js';
import { abortError } from './http/clock.js';

/**
 * An image to analyse. A string or URL is an image URL (sent as JSON `{url}`); everything else
 * is the image bytes (sent as `application/octet-stream`). Streams are read once into memory so
 * that a retry can resend them.
 */
export type ImageInput =
  | string
  | URL
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | NodeJS.ReadableStream;

/** A request body ready to be sent any number of times. */
export interface PreparedBody {
  contentType: 'application/json' | 'application/octet-stream';
  data: string | Uint8Array;
}

function urlBody(raw: string): PreparedBody {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidInputError(`Invalid image URL: not an absolute URL`, {
      code: 'InvalidImageUrl',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInputError(`Invalid image URL: scheme ${url.protocol} is not http or https`, {
      code: 'InvalidImageUrl',
    });
  }
  return { contentType: 'application/json', data: JSON.stringify({ url: url.href }) };
}

async function readAll(chunks: AsyncIterable<unknown>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) {
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array));
  }
  return Buffer.concat(parts);
}

async function readWebStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return Buffer.concat(parts);
}

async function toBytes(image: Exclude<ImageInput, string | URL>): Promise<Uint8Array> {
  if (image instanceof Uint8Array) return image;
  if (image instanceof ArrayBuffer) return new Uint8Array(image);
  if (ArrayBuffer.isView(image))
    return new Uint8Array(image.buffer, image.byteOffset, image.byteLength);
  if (typeof Blob !== 'undefined' && image instanceof Blob)
    return new Uint8Array(await image.arrayBuffer());
  if (typeof (image as ReadableStream).getReader === 'function')
    return readWebStream(image as ReadableStream<Uint8Array>);
  if (typeof (image as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function')
    return readAll(image as AsyncIterable<unknown>);
  throw new InvalidInputError(
    'Unsupported image input: expected a URL, bytes, a Blob or a stream',
    { code: 'InvalidImageInput' },
  );
}

/** Validates the input and turns it into a replayable body. */
export async function prepareImage(image: ImageInput, signal?: AbortSignal): Promise<PreparedBody> {
  if (image === null || image === undefined) {
    throw new InvalidInputError('Missing image: pass a URL or the image bytes', {
      code: 'InvalidImageInput',
    });
  }
  if (typeof image === 'string') return urlBody(image);
  if (image instanceof URL) return urlBody(image.href);
  let data: Uint8Array;
  try {
    data = await toBytes(image);
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new InvalidInputError(`Could not read the image: ${why}`, {
      code: 'ImageReadError',
      cause: err,
    });
  }
  if (signal?.aborted) throw abortError(signal);
  if (data.byteLength === 0)
    throw new InvalidInputError('Empty image: 0 bytes', { code: 'EmptyImage' });
  return { contentType: 'application/octet-stream', data };
}
