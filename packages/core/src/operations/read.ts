import { InvalidInputError, UpstreamError } from '../errors/error-classes.js';
import type { OcrDetectionLanguage } from '../generated/spec-types.js';
import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';
import { postImage } from './image-operation.js';
import { operationIdFrom } from './operation-id.js';

export type ReadingOrder = 'basic' | 'natural';

export interface ReadOptions extends CallOptions {
  /** Force a language; omit it for automatic detection. */
  language?: OcrDetectionLanguage | (string & {});
  /** Pages or ranges of a PDF/TIFF, e.g. `['1', '3-5', '7-']`. @default all pages */
  pages?: string[];
  /** @default "basic" */
  readingOrder?: ReadingOrder;
}

export interface ReadSubmission {
  operationId: string;
  /** The `Operation-Location` URL the service returned. */
  operationLocation: string;
  requestId?: string;
}

const PAGE = /^(\d+|\d+-\d+|\d+-|-\d+)$/;

/**
 * POST /read/analyze: starts an asynchronous read. The submission is retried only when the
 * service cannot have started an operation (429, 503, connect failures), so one call never
 * creates two operations.
 */
export async function read(
  ctx: OperationContext,
  image: ImageInput,
  o: ReadOptions = {},
): Promise<ReadSubmission> {
  const badPage = o.pages?.find((p) => !PAGE.test(String(p)));
  if (badPage !== undefined)
    throw new InvalidInputError(`Invalid page range "${badPage}": use 3, 1-5, 4- or -2`, {
      code: 'InvalidPageRange',
    });
  if (o.readingOrder !== undefined && o.readingOrder !== 'basic' && o.readingOrder !== 'natural') {
    throw new InvalidInputError(
      `readingOrder must be "basic" or "natural", got "${String(o.readingOrder)}"`,
      { code: 'InvalidReadingOrder' },
    );
  }
  const query = { language: o.language, pages: o.pages, readingOrder: o.readingOrder };
  const res = await postImage(ctx, {
    operation: 'read',
    path: '/read/analyze',
    query,
    image,
    options: o,
    creates: true,
  });
  const raw = res.headers['operation-location'];
  const location = Array.isArray(raw) ? raw[0] : raw;
  if (!location) {
    throw new UpstreamError(
      'read: the service accepted the request but sent no Operation-Location header',
      {
        code: 'MissingOperationLocation',
        status: res.status,
        operation: 'read',
        ...(res.requestId && { requestId: res.requestId }),
      },
    );
  }
  return {
    operationId: operationIdFrom(location),
    operationLocation: location,
    ...(res.requestId && { requestId: res.requestId }),
  };
}
