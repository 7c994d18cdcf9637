// Profiling aid for the gateway's own per-request time: `models` queries (no image) in-process
// against an in-process emulator, cache off, vs core directly and vs a bare yoga with the same
// schema. CPU profile: `node --cpu-prof --import tsx bench/profile-models.ts` (N=5000 default;
// ONLY=core|bareYoga|gateway runs one side).
import { createVisionClient } from '@visiongraph/core';
import { startEmulator } from '@visiongraph/emulator';
import { createContext, schema } from '@visiongraph/schema';
import { createYoga } from 'graphql-yoga';
import { createGateway, createJsonLogger } from '../src/index.js';

const N = Number(process.env['N'] ?? 5000);
const KEY = 'bench-key';
const emulator = await startEmulator({
  port: 0,
  host: '127.0.0.1',
  key: KEY,
  allowPrivateUrls: true, // the image host is on loopback
});
const logger = createJsonLogger({ level: 'info', write: () => {} });
const gateway = createGateway({
  visionEndpoint: emulator.url,
  visionKey: KEY,
  cache: false,
  logger,
});
const direct = createVisionClient({ endpoint: emulator.url, key: KEY });
// NOLIMIT=1: bare yoga without its request-body limit (which pipes every body through a stream).
const noLimit = process.env['NOLIMIT'] === '1' ? { maxRequestBodySize: false as const } : {};
const bare = createYoga({
  schema,
  logging: false,
  context: () => createContext({ client: direct }),
  ...noLimit,
});
const init = () => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ models { name } }' }),
});
const tasks: Record<string, () => Promise<unknown>> = {
  core: () => direct.listModels({}),
  bareYoga: async () => (await bare.fetch('http://bare/graphql', init())).json(),
  gateway: async () => (await gateway.fetch('http://gateway/graphql', init())).json(),
};

async function run(task: () => Promise<unknown>, n: number): Promise<{ p50: number; cpu: number }> {
  const out: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await task();
    out.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  out.sort((a, b) => a - b);
  return { p50: out[Math.floor(n / 2)]!, cpu: (cpu.user + cpu.system) / 1000 / n };
}
// PRE=1: first run one analysis query, as bench/gateway.ts's first part does (loads the models).
if (process.env['PRE'] === '1') {
  const { startImageHost } = await import('./image-host.js');
  const images = await startImageHost();
  const query = `{ image(url: "${images.url('csdf-dog.jpg')}") { caption { text } tags { name } } }`;
  await (
    await gateway.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    })
  ).json();
  await images.close();
}
const only = process.env['ONLY'];
if (only) for (const name of Object.keys(tasks)) if (name !== only) delete tasks[name];
for (const task of Object.values(tasks)) await run(task, 300);
// Interleaved rounds, so drift and other load hit every side alike.
const results = new Map<string, { p50: number[]; cpu: number[] }>();
for (let round = 0; round < 5; round += 1) {
  for (const [name, task] of Object.entries(tasks)) {
    const r = await run(task, N / 5);
    const acc = results.get(name) ?? { p50: [], cpu: [] };
    acc.p50.push(r.p50);
    acc.cpu.push(r.cpu);
    results.set(name, acc);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, r] of results)
  console.log(
    `${name.padEnd(9)} p50 ${median(r.p50).toFixed(3)} ms  cpu/req ${median(r.cpu).toFixed(3)} ms`,
  );
await gateway.close();
await direct.close();
await emulator.close();
