import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Each test file starts the emulator, whose ML models run on a worker pool: run the files one at a
// time on a 2-core machine, and give first calls (model loading) room.
export default mergeConfig(
  shared,
  defineConfig({ test: { fileParallelism: false, testTimeout: 180_000 } }),
);
