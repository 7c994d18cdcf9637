// Per-operation latency of the emulator over loopback HTTP (warm p50/p95) and peak RSS, printed
// next to two baselines measured in the same run: an HTTP round trip of GET /models and a plain
// sharp decode of the same 1 MP photo. `pnpm --filter @visiongraph/emulator bench`.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { startEmulator } from '../src/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const img = (name: string): Buffer =>
  readFileSync(new URL(`../../../testdata/images/${name}`, import.meta.url));

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run(); // warm-up: loads the models this operation needs
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

// analysisMemo off: warm runs must redo the work, not hit the memo.
const emu = await startEmulator({
  port: 0,
  analysisMemo: false,
  readProgression: { notStarted: { polls: 0 }, running: { polls: 0 } },
});
const headers = { 'Ocp-Apim-Subscription-Key': emu.key };
const call = async (path: string, body?: Buffer): Promise<Response> => {
  const res = await fetch(
    emu.url + path,
    body
      ? {
          method: 'POST',
          body: new Uint8Array(body),
          headers: { ...headers, 'Content-Type': 'application/octet-stream' },
        }
      : { headers },
  );
  if (res.status >= 300) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return res;
};
const read = async (body: Buffer): Promise<void> => {
  const location = (await call('/vision/v3.2/read/analyze', body)).headers.get(
    'operation-location',
  )!;
  for (;;) {
    const status = ((await (await fetch(location, { headers })).json()) as { status: string })
      .status;
    if (status === 'succeeded') return;
    if (status === 'failed') throw new Error('read failed');
    await new Promise((r) => setTimeout(r, 10));
  }
};

// A ~1 MP photo: csdf-house.jpg (640x480) upscaled to 1155x866, JPEG q85.
const photo = await sharp(img('csdf-house.jpg')).resize(1155, 866).jpeg({ quality: 85 }).toBuffer();
const ALL =
  'visualFeatures=Categories,Tags,Description,Faces,ImageType,Color,Adult,Objects,Brands&details=Celebrities,Landmarks';

const rows: [string, { p50: number; p95: number }, string][] = [];
// BENCH_ONLY=<text>: only the rows whose name contains it (e.g. "dense page").
const only = process.env.BENCH_ONLY;
async function row(name: string, run: () => Promise<unknown>, target: string): Promise<void> {
  if (!only || name.includes(only)) rows.push([name, await measure(run), target]);
}
await row('baseline: GET /models (HTTP round trip)', () => call('/vision/v3.2/models'), '');
await row('baseline: sharp decode of the 1 MP photo', () => sharp(photo).raw().toBuffer(), '');
await row(
  'analyze, all features, 1 MP photo',
  () => call(`/vision/v3.2/analyze?${ALL}`, photo),
  '< 500 ms',
);
await row('describe, 1 MP photo', () => call('/vision/v3.2/describe', photo), '');
await row(
  'generateThumbnail 200x200 smart, 1 MP',
  () => call('/vision/v3.2/generateThumbnail?width=200&height=200&smartCropping=true', photo),
  '',
);
await row('ocr, tjs-testocr.png', () => call('/vision/v3.2/ocr', img('tjs-testocr.png')), '');
await row(
  'read (POST + polls), rest-read.png dense page',
  () => read(img('rest-read.png')),
  '< 2000 ms',
);
await row(
  'read, csdf-handwritten_text.jpg (PP-OCR)',
  () => read(img('csdf-handwritten_text.jpg')),
  '',
);
await row(
  'read, csdf-gray-shirt-logo.jpg (PP-OCR)',
  () => read(img('csdf-gray-shirt-logo.jpg')),
  '',
);
const rssMb = process.resourceUsage().maxRSS / 1024;
await emu.close();

const pad = (s: string, n: number): string => s.padEnd(n);
console.log(
  `emulator latency, warm, ${RUNS} runs each (1 MP photo: ${photo.length} bytes, 1155x866)`,
);
console.log(`${pad('operation', 48)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}target`);
for (const [name, { p50, p95 }, target] of rows) {
  const verdict = target
    ? `${target} ${p50 < Number(target.replace(/\D/g, '')) ? 'ok' : 'MISSED'}`
    : '';
  console.log(`${pad(name, 48)}${pad(p50.toFixed(1), 10)}${pad(p95.toFixed(1), 10)}${verdict}`);
}
console.log(
  `peak RSS: ${rssMb.toFixed(0)} MB (target < 1536 MB ${rssMb < 1536 ? 'ok' : 'MISSED'})`,
);
// Exit even if a model worker outlives close(): the figures are printed.
process.exit(0);
