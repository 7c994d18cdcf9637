// Public API of @visiongraph/core. Values first, then types.
export { createVisionClient } from './client.js';
export { RateLimitPresets } from './options.js';
export { TokenBucket } from './http/rate-limiter.js';
export { VisionError } from './errors/vision-error.js';
export {
  AbortError,
  AuthenticationError,
  InvalidInputError,
  NetworkError,
  PollingTimeoutError,
  RateLimitError,
  ReadFailedError,
  TimeoutError,
  UpstreamError,
} from './errors/error-classes.js';
export { parseErrorBody } from './errors/parse-error-body.js';
export { normalizeStatus } from './operations/get-read-result.js';
export {
  DescriptionExcludeValues,
  DetailsValues,
  OcrDetectionLanguageValues,
  OcrLanguagesValues,
  ServiceLanguageValues,
  VisualFeatureTypesValues,
} from './generated/spec-types.js';

export type { VisionClient, VisionClientStats, ReadAndWaitOptions } from './client.js';
export type {
  AttemptEvent,
  CallOptions,
  PollingOptions,
  RateLimitOptions,
  RetryOptions,
  TimeoutOptions,
  VisionClientOptions,
} from './options.js';
export type { Clock } from './http/clock.js';
export type { RateLimiter } from './http/rate-limiter.js';
export type { ImageInput } from './image-input.js';
export type { VisionErrorKind } from './errors/vision-error.js';
export type { ParsedErrorBody } from './errors/parse-error-body.js';
export type { AnalyzeOptions, Detail, Language, VisualFeature } from './operations/analyze.js';
export type { DescribeOptions } from './operations/describe.js';
export type { TagOptions } from './operations/tag.js';
export type {
  AnalyzeByDomainOptions,
  CelebrityResults,
  DomainModel,
  LandmarkResults,
} from './operations/analyze-by-domain.js';
export type { Thumbnail, ThumbnailOptions } from './operations/generate-thumbnail.js';
export type { OcrOptions } from './operations/ocr.js';
export type { ReadingOrder, ReadOptions, ReadSubmission } from './operations/read.js';
export type * from './generated/spec-types.js';
