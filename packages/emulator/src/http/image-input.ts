// Turns a request body into a decoded image, with Azure's checks in Azure's order: media type
// (415), size (InvalidImageSize), URL download (InvalidImageUrl), decoding and format
// (InvalidImageFormat), then dimensions.
import {
  ImageDecodeError,
  type ImageFormat,
  ImageLimitError,
  type LoadedImage,
} from '../analysis/types.js';
import { sniffFormat } from '../analysis/image/sniff-format.js';
import { AzureErrors } from '../errors/azure-error-factory.js';
import type { AzureError } from '../errors/azure-error.js';
import type { RouteContext } from '../routes/route.js';
import { JSON_MAX_BYTES } from '../constants.js';
import { BodyTooLargeError, readBody } from './body-reader.js';
import { firstMultipartFile } from './multipart.js';
import { UrlTooLargeError, fetchImageUrl, UrlFetchError } from './url-fetcher.js';

export interface ImageRules {
  maxBytes: number;
  /** multipart/form-data is accepted by the analyze family, not by read / recognizeText. */
  multipart: boolean;
  formats: readonly ImageFormat[];
  /** min and max side in pixels, both accepted. */
  dimensions: { min: number; max: number; code: 'InvalidImageSize' | 'InvalidImageDimension' };
  /** Most pages of a PDF or TIFF (Read); other operations only look at the first page. */
  maxPages?: number;
  /** The API's own error for an empty or too-large image. @default AzureErrors.imageTooLarge */
  tooLarge?: (maxBytes: number) => AzureError;
}

interface ImageBytes {
  bytes: Buffer;
  fromUrl: boolean;
}

function mediaType(ctx: RouteContext): string {
  return (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

const tooLarge = (rules: ImageRules): AzureError =>
  (rules.tooLarge ?? AzureErrors.imageTooLarge)(rules.maxBytes);

async function readCapped(ctx: RouteContext, max: number, rules: ImageRules): Promise<Buffer> {
  try {
    return await readBody(ctx.req, max);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw tooLarge(rules);
    throw err;
  }
}

async function fromJson(ctx: RouteContext, rules: ImageRules): Promise<Buffer> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(ctx.req, JSON_MAX_BYTES)).toString('utf8'));
  } catch (err) {
    if (err instanceof SyntaxError || err instanceof BodyTooLargeError)
      throw AzureErrors.invalidJson();
    throw err;
  }
  const url =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>).url : undefined;
  if (typeof url !== 'string' || url.length === 0)
    throw AzureErrors.invalidImageUrl('the JSON body has no "url" string');
  try {
    return await fetchImageUrl(url, ctx.options.urlFetch, rules.maxBytes, ctx.signal);
  } catch (err) {
    if (err instanceof UrlTooLargeError) throw tooLarge(rules);
    // One message for every download failure: no address, port or errno reaches the client.
    if (err instanceof UrlFetchError) throw AzureErrors.invalidImageUrl();
    throw err;
  }
}

export async function readImageBytes(ctx: RouteContext, rules: ImageRules): Promise<ImageBytes> {
  const type = mediaType(ctx);
  let result: ImageBytes;
  if (type === 'application/json') {
    result = { bytes: await fromJson(ctx, rules), fromUrl: true };
  } else if (type === 'application/octet-stream') {
    result = { bytes: await readCapped(ctx, rules.maxBytes, rules), fromUrl: false };
  } else if (type === 'multipart/form-data' && rules.multipart) {
    // Allow room for the part headers and boundaries around an image at the limit.
    const body = await readCapped(ctx, rules.maxBytes + 64 * 1024, rules);
    const file = firstMultipartFile(body, ctx.req.headers['content-type'] ?? '');
    if (file === undefined) throw AzureErrors.badArgument('The multipart body has no file part.');
    if (file.length > rules.maxBytes) throw tooLarge(rules);
    result = { bytes: file, fromUrl: false };
  } else {
    const allowed = rules.multipart
      ? ['application/json', 'application/octet-stream', 'multipart/form-data']
      : ['application/json', 'application/octet-stream'];
    throw AzureErrors.unsupportedMediaType(allowed);
  }
  if (result.bytes.length === 0) throw rules.tooLarge ? tooLarge(rules) : AzureErrors.imageEmpty();
  return result;
}

function notAnImage(fromUrl: boolean): Error {
  return fromUrl
    ? AzureErrors.invalidImageUrl('the URL does not point to a supported image')
    : AzureErrors.invalidImageFormat();
}

function limitError(err: ImageLimitError, rules: ImageRules): Error {
  const { limit } = err;
  const { min, max, code } = rules.dimensions;
  return limit.kind === 'pages'
    ? AzureErrors.tooManyPages(limit.pages, limit.maxPages)
    : AzureErrors.imageDimensions(code, limit.width, limit.height, min, max);
}

/** Reads, decodes and checks the request's image. */
export async function loadRequestImage(ctx: RouteContext, rules: ImageRules): Promise<LoadedImage> {
  const { bytes, fromUrl } = await readImageBytes(ctx, rules);
  // A format this operation refuses is not decoded at all (Azure: format before dimensions).
  const sniffed = sniffFormat(bytes);
  if (sniffed && !rules.formats.includes(sniffed)) throw notAnImage(fromUrl);
  const { min, max, code } = rules.dimensions;
  let img: LoadedImage;
  try {
    // The backend checks the header's size and the page count before decoding any pixel.
    img = await ctx.backend.load(bytes, { maxSide: max, maxPages: rules.maxPages });
  } catch (err) {
    if (err instanceof ImageDecodeError || (err as Error)?.name === 'ImageDecodeError')
      throw notAnImage(fromUrl);
    if (err instanceof ImageLimitError) throw limitError(err, rules);
    throw err;
  }
  if (!rules.formats.includes(img.format)) throw notAnImage(fromUrl);
  if (rules.maxPages !== undefined && img.pages > rules.maxPages)
    throw AzureErrors.tooManyPages(img.pages, rules.maxPages);
  // PDFs have no pixel size of their own (Read renders them), so only images are measured.
  if (
    img.format !== 'Pdf' &&
    (img.width < min || img.height < min || img.width > max || img.height > max)
  ) {
    throw AzureErrors.imageDimensions(code, img.width, img.height, min, max);
  }
  return img;
}
