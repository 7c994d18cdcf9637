/** Every `extensions.code` this schema puts on a GraphQL error. */
export const ErrorCode = {
  /** The image URL is unreachable or the bytes are not an image Azure accepts. */
  INVALID_IMAGE: 'INVALID_IMAGE',
  /** The image is over Azure's size limit (4 MB for v3.2 analyze). */
  IMAGE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  /** The requested language is not supported by that operation. */
  UNSUPPORTED_LANGUAGE: 'UNSUPPORTED_LANGUAGE',
  /** An argument is invalid; the message names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** Azure kept answering 429 after the client's retries. */
  UPSTREAM_RATE_LIMITED: 'UPSTREAM_RATE_LIMITED',
  /** Azure did not answer in time (or a read operation did not finish in time). */
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  /** Azure could not be reached, or answered 503. */
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  /** Azure rejected the gateway's subscription key. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Azure failed (5xx, a failed read operation, an unreadable response). */
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
  /** The request was cancelled before the upstream call finished. */
  ABORTED: 'ABORTED',
  /** Anything else; the message is generic and the gateway masks it. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Azure error codes (innermost wins) that have their own GraphQL code. */
export const AZURE_CODE_TABLE: Readonly<Record<string, ErrorCode>> = {
  InvalidImageUrl: ErrorCode.INVALID_IMAGE,
  InvalidImageURL: ErrorCode.INVALID_IMAGE,
  InvalidImageFormat: ErrorCode.INVALID_IMAGE,
  InvalidImage: ErrorCode.INVALID_IMAGE,
  NotSupportedImage: ErrorCode.INVALID_IMAGE,
  UnsupportedImageFormat: ErrorCode.INVALID_IMAGE,
  InvalidImageDimension: ErrorCode.INVALID_IMAGE,
  FailedToDownloadImage: ErrorCode.INVALID_IMAGE,
  UnsupportedMediaType: ErrorCode.INVALID_IMAGE,
  InvalidImageSize: ErrorCode.IMAGE_TOO_LARGE,
  NotSupportedLanguage: ErrorCode.UNSUPPORTED_LANGUAGE,
  BadArgument: ErrorCode.BAD_USER_INPUT,
  InvalidThumbnailSize: ErrorCode.BAD_USER_INPUT,
  InvalidDetails: ErrorCode.BAD_USER_INPUT,
  NotSupportedVisualFeature: ErrorCode.BAD_USER_INPUT,
  InvalidPageRange: ErrorCode.BAD_USER_INPUT,
  InvalidReadingOrder: ErrorCode.BAD_USER_INPUT,
  InvalidModel: ErrorCode.BAD_USER_INPUT,
  ServiceUnavailable: ErrorCode.UPSTREAM_UNAVAILABLE,
};

/** Core error kinds, used when the Azure code has no entry of its own. */
export const KIND_TABLE: Readonly<Record<string, ErrorCode>> = {
  invalid_input: ErrorCode.BAD_USER_INPUT,
  rate_limit: ErrorCode.UPSTREAM_RATE_LIMITED,
  timeout: ErrorCode.UPSTREAM_TIMEOUT,
  network: ErrorCode.UPSTREAM_UNAVAILABLE,
  authentication: ErrorCode.UNAUTHENTICATED,
  upstream: ErrorCode.UPSTREAM_ERROR,
  aborted: ErrorCode.ABORTED,
};
