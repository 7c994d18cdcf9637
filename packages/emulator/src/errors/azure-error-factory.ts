// One method per Azure error: exact status, code and message (CONTRACT.md §6, §12). Where Azure's
// exact text is known it is used verbatim; the rest follow the same wording style.
import { AzureError } from './azure-error.js';

const bad = (code: string, outerMessage: string, message: string): AzureError =>
  new AzureError({ status: 400, code, message, outerMessage });

export const AzureErrors = {
  // --- answered by the API gateway (APIM) -------------------------------------------------
  unauthorized: (): AzureError =>
    new AzureError({
      status: 401,
      code: '401',
      gateway: true,
      message:
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    }),
  rateLimited: (retryAfterSeconds: number): AzureError =>
    new AzureError({
      status: 429,
      code: '429',
      gateway: true,
      message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`,
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
  resourceNotFound: (): AzureError =>
    new AzureError({ status: 404, code: '404', gateway: true, message: 'Resource not found' }),

  // --- input ---------------------------------------------------------------------------
  unsupportedMediaType: (allowed: readonly string[]): AzureError =>
    new AzureError({
      status: 415,
      code: 'UnsupportedMediaType',
      outerMessage: 'Unsupported media type.',
      message: `Supported media types: ${allowed.join(', ')}.`,
    }),
  invalidImageUrl: (detail?: string): AzureError =>
    bad(
      'InvalidImageUrl',
      'Image URL is badly formatted or not accessible.',
      detail === undefined
        ? 'Image URL is badly formatted or not accessible.'
        : `Image URL is badly formatted or not accessible: ${detail}`,
    ),
  invalidImageFormat: (): AzureError =>
    bad('InvalidImageFormat', 'Image format is not valid.', 'Input data is not a valid image.'),
  imageTooLarge: (maxBytes: number): AzureError =>
    bad(
      'InvalidImageSize',
      'Image size is not valid.',
      `Input image is too large. The image must be smaller than ${maxBytes} bytes.`,
    ),
  imageEmpty: (): AzureError =>
    bad(
      'InvalidImageSize',
      'Image size is not valid.',
      'Input image is too small: the request body is empty.',
    ),
  imageDimensions: (
    code: 'InvalidImageSize' | 'InvalidImageDimension',
    w: number,
    h: number,
    min: number,
    max: number,
  ): AzureError =>
    bad(
      code,
      'Image size is not valid.',
      `Image dimension (${w}*${h}) is out of range. Image dimensions should be in the range of ${min} x ${min} and ${max} x ${max}.`,
    ),
  tooManyPages: (pages: number, max: number): AzureError =>
    bad(
      'InvalidImageSize',
      'Image size is not valid.',
      `The document has ${pages} pages. PDF and TIFF documents may have at most ${max} pages.`,
    ),
  invalidJson: (): AzureError =>
    bad(
      'BadArgument',
      'Argument is not valid.',
      'The request body is not valid JSON with a "url" string.',
    ),

  // --- parameters ---------------------------------------------------------------------
  visualFeature: (value: string, allowed: readonly string[]): AzureError =>
    bad(
      'NotSupportedVisualFeature',
      'Visual feature is not supported.',
      `Analysis of visual feature '${value}' is not supported. Supported values: ${allowed.join(', ')}.`,
    ),
  details: (value: string, allowed: readonly string[]): AzureError =>
    bad(
      'InvalidDetails',
      'Details are not valid.',
      `Details '${value}' is not supported. Supported values: ${allowed.join(', ')}.`,
    ),
  language: (value: string): AzureError =>
    bad(
      'NotSupportedLanguage',
      'Language is not supported.',
      `Language '${value}' is not supported for this operation.`,
    ),
  badArgument: (message: string): AzureError =>
    bad('BadArgument', 'Argument is not valid.', message),
  thumbnailSize: (max: number): AzureError =>
    bad(
      'InvalidThumbnailSize',
      'Thumbnail size is not valid.',
      `Thumbnail width and height must be integers between 1 and ${max}.`,
    ),
  model: (name: string): AzureError =>
    new AzureError({
      status: 404,
      code: 'InvalidModel',
      outerMessage: 'Model is not found.',
      message: `Model '${name}' is not supported. Supported models: celebrities, landmarks.`,
    }),
  pageRange: (value: string): AzureError =>
    bad(
      'InvalidPageRange',
      'Page range is not valid.',
      `Page range '${value}' is not valid. Use page numbers or ranges such as 1,3-5.`,
    ),
  readingOrder: (value: string): AzureError =>
    bad(
      'InvalidReadingOrder',
      'Reading order is not valid.',
      `Reading order '${value}' is not valid. Use 'basic' or 'natural'.`,
    ),

  // --- Image Analysis 4.0 (the documented 4.0 wording, CONTRACT.md §8) ----------------------
  ia40: {
    featuresMissing: (): AzureError =>
      new AzureError({
        status: 400,
        code: 'InvalidRequest',
        message: "Either 'features' or 'model-name' needs to be specified in the query parameter.",
      }),
    feature: (value: string, allowed: readonly string[]): AzureError =>
      bad(
        'NotSupportedVisualFeature',
        'Analyze query is invalid.',
        `Specified feature type is not valid: '${value}'. Supported values: ${allowed.join(', ')}.`,
      ),
    language: (value: string): AzureError =>
      bad(
        'NotSupportedLanguage',
        'Analyze query is invalid.',
        `The input language is not supported: '${value}'. Only tags are available in languages other than English.`,
      ),
    ratio: (value: string): AzureError =>
      bad(
        'BadArgument',
        'Analyze query is invalid.',
        `'smartcrops-aspect-ratios' aspect ratio is not in allowed range [0.75 to 1.8]: '${value}'.`,
      ),
    badArgument: (message: string): AzureError =>
      bad('BadArgument', 'Analyze query is invalid.', message),
    imageSize: (maxBytes: number): AzureError =>
      bad(
        'InvalidImageSize',
        `The image size is not allowed to be zero or larger than ${maxBytes} bytes.`,
        `The image size is not allowed to be zero or larger than ${maxBytes} bytes.`,
      ),
    contentType: (type: string): AzureError =>
      bad(
        'UnsupportedMediaType',
        `The provided image content type '${type}' is not supported.`,
        `The provided image content type '${type}' is not supported. Use application/json, application/octet-stream or multipart/form-data.`,
      ),
  },

  // --- operations -----------------------------------------------------------------------
  operationNotFound: (code: string): AzureError =>
    new AzureError({
      status: 404,
      code,
      outerMessage: 'Operation not found.',
      message:
        'Operation not found: the operation id is unknown or its results have expired (48 hours).',
    }),
  internal: (): AzureError =>
    new AzureError({
      status: 500,
      code: 'InternalServerError',
      message: 'An internal server error occurred.',
    }),
};
