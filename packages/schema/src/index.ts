export { schema } from './schema.js';
export { createContext } from './context.js';
export type { CreateContextOptions, SchemaContext } from './context.js';
export type { VisionClientLike } from './client.js';
export type {
  CachedFeature,
  FeatureCache,
  FeatureSetOptions,
  InFlightClaim,
} from './cache/feature-cache.js';
export { createMemoryFeatureCache } from './cache/memory-feature-cache.js';
export type { MemoryFeatureCacheOptions } from './cache/memory-feature-cache.js';
export { AZURE_CODE_TABLE, ErrorCode, KIND_TABLE } from './errors/error-codes.js';
export { badUserInput, graphqlCodeFor, toGraphQLError } from './errors/to-graphql-error.js';
export type { Point, Polygon, Rectangle } from './geometry/geometry.js';
export {
  boundingRect,
  polygonFromBox,
  rectFromCsv,
  rectFromLeftTop,
  rectFromXywh,
} from './geometry/geometry.js';
export type { ImageRef } from './image/image-ref.js';
export { imageFromBytes, imageFromUrl } from './image/image-ref.js';
export {
  createVisionApiSetting,
  VISION_API_MODES,
  type DualField,
  type VisionApiMode,
  type VisionApiSetting,
} from './loaders/vision-api.js';
export { ANALYZE_FEATURES, type AnalyzeFeature } from './loaders/analyze-features.js';
export { estimateTransactions } from './cost/estimate-transactions.js';
export type { EstimateOptions, TransactionEstimate } from './cost/estimate-transactions.js';
export { IMAGE_FIELD_COSTS } from './cost/image-field-costs.js';
export type { ImageFieldCost } from './cost/image-field-costs.js';
export type { TransactionMeter } from './cost/transaction-meter.js';
