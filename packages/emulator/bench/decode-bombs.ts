// Time and peak RSS of an emulator process answering one decode bomb each: a fresh child
// process per bomb (so peaks do not mix), peak resident memory from /proc (VmHWM, Linux), next to
// the same child answering a normal 1 MP JPEG as the baseline of this run.
// `pnpm --filter @visiongraph/emulator bench:bombs`.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { hugePng, hugeTiff, pdfImageBomb, pdfManyPages, rleBmp } from '../../../testdata/bombs.js';

const LIMIT_MS = Number(process.env.BOMB_LIMIT_MS ?? 60_000);

interface Case {
  name: string;
  path: string;
  body: Buffer;
}
const analyze = '/vision/v3.2/analyze?visualFeatures=Description';
const read = '/vision/v3.2/read/analyze';
const cases: Case[] = [
  {
    name: 'baseline: 1 MP JPEG, analyze Description',
    path: analyze,
    body: readFileSync(new URL('../../../testdata/images/csdf-house.jpg', import.meta.url)),
  },
  { name: 'BMP RLE8 16000x16000, analyze', path: analyze, body: rleBmp(16_000, 16_000) },
  { name: 'BMP RLE8 9999x9999, read', path: read, body: rleBmp(9_999, 9_999) },
  { name: 'PNG 16000x16000, analyze', path: analyze, body: hugePng(16_000, 16_000) },
  { name: 'TIFF 16000x16000, read', path: read, body: hugeTiff(16_000, 16_000) },
  { name: 'PDF 1 page, 8000x8000 image, read', path: read, body: pdfImageBomb(8_000) },
  { name: 'PDF 5000 pages, read', path: read, body: pdfManyPages(5_000) },
];

const peakRssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

async function runCase(c: Case): Promise<string> {
  const child = fork(new URL('./bomb-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { url, key } = await new Promise<{ url: string; key: string }>((resolve) =>
    child.once('message', (m) => resolve(m as { url: string; key: string })),
  );
  const before = peakRssMb(child.pid!);
  const headers = { 'Ocp-Apim-Subscription-Key': key };
  const t = performance.now();
  let outcome: string;
  try {
    const deadline = AbortSignal.timeout(LIMIT_MS);
    const res = await fetch(url + c.path, {
      method: 'POST',
      body: new Uint8Array(c.body),
      headers: { ...headers, 'Content-Type': 'application/octet-stream' },
      signal: deadline,
    });
    const text = await res.text();
    outcome = `${res.status} ${[...text.matchAll(/"code":"(\w+)"/g)].at(-1)?.[1] ?? ''}`.trim();
    const location = res.headers.get('operation-location');
    while (location) {
      const poll = (await (await fetch(location, { headers, signal: deadline })).json()) as {
        status: string;
      };
      if (poll.status === 'succeeded' || poll.status === 'failed') {
        outcome += ` -> ${poll.status}`;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    outcome =
      (err as Error).name === 'TimeoutError' ? `not done after ${LIMIT_MS} ms` : String(err);
  }
  const ms = performance.now() - t;
  const peak = peakRssMb(child.pid!);
  child.kill('SIGKILL');
  return `| ${c.name} | ${(c.body.length / 1024).toFixed(1)} KB | ${outcome} | ${ms.toFixed(0)} ms | ${before.toFixed(0)} -> ${peak.toFixed(0)} MB |`;
}

console.log('| input | size | answer | time | peak RSS (start -> peak) |');
console.log('|---|---|---|---|---|');
for (const c of cases) console.log(await runCase(c));
