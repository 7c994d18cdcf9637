// The backend every test runs: one real createBackend() per test file.
import type { VisionBackend } from '../../src/analysis/types.js';
import { createDevBackend } from './dev-backend.js';

export function testBackend(): VisionBackend {
  return createDevBackend();
}
