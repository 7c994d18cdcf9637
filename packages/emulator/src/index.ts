export { createEmulator, startEmulator } from './emulator.js';
export type { Emulator, RunningEmulator } from './emulator.js';
export { EmulatorOptionsError } from './options.js';
export type { EmulatorLogger, LogFields } from './logger.js';
export type {
  EmulatorOptions,
  RequestInfo,
  ApiVersion,
  ReadStageOptions,
  UrlFetchOptions,
} from './options.js';
export type {
  VisionBackend,
  LoadedImage,
  AnalyzeRequest,
  AnalyzeResult,
} from './analysis/types.js';
export { BackendBusyError, ImageDecodeError, ImageLimitError } from './analysis/types.js';
export { createMemoBackend, type AnalysisMemoOptions } from './memo-backend.js';
export { createStubBackend } from './stub-backend.js';
export type { ReadLimitOptions } from './read/operation-store.js';
export {
  ANALYSIS_MODEL_VERSION,
  READ_MODEL_VERSION,
  DEFAULT_KEY,
  DEFAULT_PORT,
} from './constants.js';
