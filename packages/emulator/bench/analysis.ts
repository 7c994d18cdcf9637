// Warm latency of each analysis stage and of all analyze features on a ~1 MP photo, straight on
// the backend (no HTTP), with peak RSS of the whole process (the model workers are threads of it).
// Baseline measured in the same run: a plain sharp decode of the same photo. Besides wall time it
// prints CPU time (all threads of the process): on a shared, overloaded machine wall time mostly
// measures the other processes, while CPU time stays what the work costs.
// `pnpm --filter @visiongraph/emulator exec tsx bench/analysis.ts`
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createBackend } from '../src/analysis/index.js';
import type { AnalyzeRequest } from '../src/analysis/types.js';
import { everyFeature } from '../src/analysis/fixed-answers.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const img = (name: string): Buffer =>
  readFileSync(new URL(`../../../testdata/images/${name}`, import.meta.url));

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall and CPU milliseconds of warm runs. */
async function p50(run: () => Promise<unknown>): Promise<string> {
  await run(); // warm-up: loads what this stage needs
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await run();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return `${median(wall).toFixed(0).padStart(6)} ms wall ${median(cpu).toFixed(0).padStart(6)} ms CPU`;
}

const backend = createBackend({ workers: Number(process.env.BENCH_WORKERS ?? 2) });
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const ALL = everyFeature(3);
const stages: [string, AnalyzeRequest][] = [
  ['faces', { faces: true }],
  ['faces+celebrities', { faces: true, celebrities: true }],
  ['objects', { objects: true }],
  ['adult', { adult: true }],
  ['landmarks', { landmarks: true }],
  ['brands (logo gallery; text only under 0.1 MP)', { brands: true }],
  [
    'describe (tags+description+categories)',
    { tags: true, description: { maxCandidates: 3 }, categories: true },
  ],
  ['color+imageType', { color: true, imageType: true }],
  ['all features', ALL],
];

for (const [label, name] of [
  ['family photo upscaled to 1155x889', 'csdf-faces.jpg'],
  ['house photo upscaled to 1155x866', 'csdf-house.jpg'],
]) {
  const bytes = await sharp(img(name!)).resize({ width: 1155 }).jpeg({ quality: 85 }).toBuffer();
  console.log(`\n${label} (${(bytes.length / 1024).toFixed(0)} KB), p50 of ${RUNS} warm runs`);
  console.log(
    `  baseline: sharp decode to raw RGB      ${await p50(() => sharp(bytes).raw().toBuffer())}`,
  );
  for (const [stage, req] of stages) {
    // A fresh LoadedImage per run, so per-image raster caches do not flatter the figures.
    console.log(
      `  ${stage.padEnd(38)} ${await p50(async () => backend.analyze(await backend.load(bytes), req))}`,
    );
  }
}
clearInterval(sample);
console.log(
  `\nload average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
console.log(`peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (main thread + model workers)`);
await backend.close();
