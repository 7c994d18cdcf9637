// Client overhead vs a bare undici.request with the same dispatcher settings, over loopback.
// Run: pnpm --filter @visiongraph/core bench   (env BENCH_N, BENCH_CONCURRENCY to change the size)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { createVisionClient } from '../src/index.js';

const N = Number(process.env.BENCH_N ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const KEY = 'bench-key';
const IMAGE = 'https://images.example/bench.jpg';
const ANSWER = JSON.stringify({
  tags: [
    { name: 'cat', confidence: 0.99 },
    { name: 'indoor', confidence: 0.87 },
  ],
  description: { tags: ['cat'], captions: [{ text: 'a cat sitting on a sofa', confidence: 0.91 }] },
  requestId: '6a1c9e4e-1111-4222-8333-944455556666',
  metadata: { width: 640, height: 480, format: 'Jpeg' },
  modelVersion: '2021-05-01',
});

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(ANSWER),
    });
    res.end(ANSWER);
  });
});
server.keepAliveTimeout = 5_000;
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// Same settings the client uses for its own Agent by default.
const agentOptions = { connect: { timeout: 10_000 }, connections: 64 };
const bare = new Agent(agentOptions);
const client = createVisionClient({
  endpoint: origin,
  key: KEY,
  dispatcher: new Agent(agentOptions),
});

async function bareCall(): Promise<unknown> {
  const res = await request(`${origin}/vision/v3.2/analyze?visualFeatures=Tags,Description`, {
    dispatcher: bare,
    method: 'POST',
    headers: { 'ocp-apim-subscription-key': KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ url: IMAGE }),
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  return JSON.parse(await res.body.text()) as unknown;
}
const clientCall = (): Promise<unknown> =>
  client.analyze(IMAGE, { visualFeatures: ['Tags', 'Description'] });

async function timed(fn: () => Promise<unknown>, out: number[]): Promise<void> {
  const t0 = performance.now();
  await fn();
  out.push(performance.now() - t0);
}

async function run(
  fn: () => Promise<unknown>,
  n: number,
  concurrency: number,
  out: number[],
): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < n) await timed(fn, out);
    }),
  );
  return performance.now() - t0;
}

function summary(xs: number[]): { mean: number; p50: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: at(0.5), p99: at(0.99) };
}

const fmt = (ms: number): string => `${(ms * 1000).toFixed(0).padStart(6)} µs`;

async function compare(label: string, concurrency: number): Promise<void> {
  const times = { bare: [] as number[], client: [] as number[] };
  const wall = { bare: 0, client: 0 };
  // CPU time of this process (client and server together) per call: less sensitive than wall
  // time to other jobs on a shared machine.
  const cpu = { bare: 0, client: 0 };
  const cpuOf = async (f: () => Promise<number>): Promise<[number, number]> => {
    const u0 = process.cpuUsage();
    const w = await f();
    const u = process.cpuUsage(u0);
    return [w, (u.user + u.system) / 1000];
  };
  // Alternate in rounds so drift (GC, CPU frequency, other processes) hits both sides alike.
  const rounds = 6;
  for (let r = 0; r < rounds; r++) {
    // Swap who goes first each round, so neither side always inherits the other's GC debt.
    const bareRun = () => cpuOf(() => run(bareCall, N / rounds, concurrency, times.bare));
    const clientRun = () => cpuOf(() => run(clientCall, N / rounds, concurrency, times.client));
    let bare: [number, number];
    let mine: [number, number];
    if (r % 2 === 0) {
      bare = await bareRun();
      mine = await clientRun();
    } else {
      mine = await clientRun();
      bare = await bareRun();
    }
    const [wb, cb] = bare;
    const [wc, cc] = mine;
    wall.bare += wb;
    wall.client += wc;
    cpu.bare += cb;
    cpu.client += cc;
  }
  const b = summary(times.bare);
  const c = summary(times.client);
  console.log(`\n${label}: ${N} calls each, concurrency ${concurrency}`);
  console.log(`              ${'bare undici'.padStart(12)} ${'client'.padStart(12)}   ratio`);
  for (const k of ['mean', 'p50', 'p99'] as const)
    console.log(`  ${k.padEnd(10)}  ${fmt(b[k])}    ${fmt(c[k])}   ${(c[k] / b[k]).toFixed(2)}x`);
  console.log(
    `  cpu/call    ${fmt(cpu.bare / N)}    ${fmt(cpu.client / N)}   ${(cpu.client / cpu.bare).toFixed(2)}x`,
  );
  console.log(
    `  throughput  ${(N / (wall.bare / 1000)).toFixed(0).padStart(7)} /s   ${(N / (wall.client / 1000)).toFixed(0).padStart(7)} /s   ${(wall.client / wall.bare).toFixed(2)}x time`,
  );
}

// Warm up sockets and the JIT on both paths.
await run(bareCall, 300, 8, []);
await run(clientCall, 300, 8, []);
console.log(
  `node ${process.version}, loopback ${origin}, answer ${Buffer.byteLength(ANSWER)} bytes`,
);
await compare('sequential', 1);
await compare('concurrent', CONCURRENCY);
await client.close();
await bare.close();
server.close();
