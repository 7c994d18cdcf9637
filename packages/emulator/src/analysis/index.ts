// Public surface of the analysis layer: the HTTP layer only needs createBackend and the seam types.
export { createBackend } from './backend.js';
export type { BackendOptions } from './backend.js';
export type * from './types.js';
export { ImageDecodeError } from './types.js';
