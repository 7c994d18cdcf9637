// Public API of @visiongraph/core. Values first, then types.
export { createVisionClient } from './client.js';
export { RateLimitPresets } from './options.js';
export { TokenBucket } from './http/rate-limiter.js';
export { tracingEnabled } from './http/tracing-enabled.js';
export { VisionError } from './errors/vision-error.js';
export {
  AbortError,
  AuthenticationError,
  CircuitOpenError,
  InvalidInputError,
  NetworkError,
  PollingTimeoutError,
  QueueFullError,
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
export { VisualFeaturesValues as ImageAnalysisFeatureValues } from './generated/image-analysis-types.js';
export {
  IMAGE_ANALYSIS_API_VERSION,
  SMART_CROPS_RATIO_RANGE,
} from './operations/analyze-image.js';

export type { VisionClient, VisionClientStats, ReadAndWaitOptions } from './client.js';
export type {
  AttemptEvent,
  CallOptions,
  CircuitBreakerOptions,
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
export type { ImageAnalysisFeature, ImageAnalysisOptions } from './operations/analyze-image.js';
// Image Analysis 4.0 types. Several names (DetectedObject, ImageMetadata, ReadResult, ImageUrl)
// mean something else in v3.2, so the whole set lives under one namespace; the result and the
// types without a v3.2 twin are also exported by name.
export type * as ImageAnalysis40 from './generated/image-analysis-types.js';
export type {
  AzureCoreErrorResponse,
  CaptionResult,
  CropRegion,
  DenseCaption,
  DenseCaptionsResult,
  DetectedPerson,
  DetectedTag,
  DetectedTextBlock,
  DetectedTextLine,
  DetectedTextWord,
  ImageAnalysisResult,
  ImageBoundingBox,
  ImagePoint,
  ObjectsResult,
  PeopleResult,
  SmartCropsResult,
  TagsResult,
} from './generated/image-analysis-types.js';
