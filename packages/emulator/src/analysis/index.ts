// Public surface of the analysis layer: the HTTP layer only needs createBackend, the seam types
// and the errors analysis can throw.
export { createBackend } from './backend.js';
export type { BackendOptions } from './backend-options.js';
export { BackendOptionsError } from './backend-options.js';
export type * from './types.js';
export { BackendBusyError, ImageDecodeError, ImageLimitError } from './types.js';
export { AnalysisAbortedError, ModelWorkerError } from './pool/errors.js';
