// Warm latency of each analysis stage and of all analyze features on a ~1 MP photo, straight on
// the backend (no HTTP), with peak RSS of the whole process (the model workers are threads of it).
// Baseline measured in the same run: a plain sharp decode of the same photo.
// `pnpm --filter @visiongraph/emulator exec tsx bench/analysis.ts`
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createBackend } from '../src/analysis/index.js';
import type { AnalyzeRequest } from '../src/analysis/types.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const img = (name: string): Buffer => readFileSync(new URL(`../../../testdata/images/${name}`, import.meta.url));

async function p50(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: loads what this stage needs
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const backend = createBackend({ workers: Number(process.env.BENCH_WORKERS ?? 2) });
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const ALL: AnalyzeRequest = {
  faces: true, objects: true, tags: true, description: { maxCandidates: 3 }, categories: true, color: true,
  imageType: true, adult: true, brands: true, celebrities: true, landmarks: true,
};
const stages: [string, AnalyzeRequest][] = [
  ['faces', { faces: true }], ['faces+celebrities', { faces: true, celebrities: true }], ['objects', { objects: true }],
  ['adult', { adult: true }], ['landmarks', { landmarks: true }], ['color+imageType', { color: true, imageType: true }],
  ['all features', ALL],
];

for (const [label, name] of [['family photo upscaled to 1155x889', 'csdf-faces.jpg'], ['house photo upscaled to 1155x866', 'csdf-house.jpg']]) {
  const bytes = await sharp(img(name!)).resize({ width: 1155 }).jpeg({ quality: 85 }).toBuffer();
  console.log(`\n${label} (${(bytes.length / 1024).toFixed(0)} KB), p50 of ${RUNS} warm runs`);
  console.log(`  baseline: sharp decode to raw RGB      ${(await p50(() => sharp(bytes).raw().toBuffer())).toFixed(0).padStart(6)} ms`);
  for (const [stage, req] of stages) {
    // A fresh LoadedImage per run, so per-image raster caches do not flatter the figures.
    const ms = await p50(async () => backend.analyze(await backend.load(bytes), req));
    console.log(`  ${stage.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms`);
  }
}
clearInterval(sample);
console.log(`\npeak RSS ${(peak / 2 ** 20).toFixed(0)} MB (main thread + model workers)`);
await backend.close();
