// The backend every test runs: the real analysis backend, one per test file.
import { createBackend } from '../../src/analysis/index.js';
import type { VisionBackend } from '../../src/analysis/types.js';

export function testBackend(): VisionBackend {
  return createBackend();
}
