// Load bench: autocannon against four set-ups side by side in one run, the upstream (emulator)
// 20 ms away in its own process, every server in its own process, each run as deployed: compiled
// JavaScript (the gateway's dist) under plain node, no tsx (`bench:build` compiles them first):
//   1. floor: a bare graphql-yoga server whose one resolver makes the same upstream call (undici)
//   2. the gateway, one replica, cache off   3. the gateway, cache on (steady state)
//   4. two gateway replicas sharing one Redis (cache on), the load split between them
//   pnpm --filter @visiongraph/gateway bench:load      (BENCH_QUICK=1: 5 s runs instead of 30 s)
// CPU per request (the servers' user + system time over the requests they answered) is the figure
// that a busy shared machine does not distort; BENCH_CPU_PROF=<dir> writes a profile per server.
import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { startRedisServer } from '../test/redis-server.js';
import { forkBuilt } from './child-process.js';
import { cpuMs, rssMb } from './process-usage.js';
import { percentile } from './stats.js';

const QUICK = process.env['BENCH_QUICK'] === '1';
const DURATION_S = QUICK ? 5 : 30;
const WARMUP_S = QUICK ? 3 : 10;
const SINGLE_S = QUICK ? 5 : 15;
const CONNECTIONS = 50;
const UPSTREAM_MS = 20;
const KEY = 'bench-key';
const BODY = JSON.stringify({ query: '{ models { name } }' });

interface Server {
  url: string;
  pid: number;
  stop(): void;
}
interface Row {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Server CPU (all replicas) per request answered, in µs. */
  cpuUs: number;
  rssMb: number;
}

/** One autocannon run per URL at once, connections split; latencies from every response. */
async function load(urls: string[], connections: number, seconds: number) {
  const samples: number[] = [];
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/graphql`,
        connections: Math.max(1, Math.round(connections / urls.length)),
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: BODY,
        setupClient: (client) => client.on('response', (_s, _b, ms) => samples.push(ms)),
      }),
    ),
  );
  samples.sort((a, b) => a - b);
  return {
    requests: results.reduce((sum, r) => sum + r.requests.total, 0),
    rps: results.reduce((sum, r) => sum + r.requests.total / r.duration, 0),
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
  };
}

/** The answer must be the upstream's model list, not an error, before anything is timed. */
async function check(url: string): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
  });
  const body = (await response.json()) as { data?: { models?: unknown[] }; errors?: unknown };
  if (!body.data?.models?.length || body.errors) throw new Error(`${url}: ${JSON.stringify(body)}`);
}

async function measureRow(name: string, servers: Server[]): Promise<Row> {
  const urls = servers.map((s) => s.url);
  for (const url of urls) await check(url);
  await load(urls, CONNECTIONS, WARMUP_S); // JIT, connections, a warm cache
  const cpu = () => servers.reduce((sum, s) => sum + cpuMs(s.pid), 0);
  const cpuBefore = cpu();
  const { requests, ...result } = await load(urls, CONNECTIONS, DURATION_S);
  const cpuUs = ((cpu() - cpuBefore) * 1000) / requests;
  return { name, ...result, cpuUs, rssMb: Math.max(...servers.map((s) => rssMb(s.pid))) };
}

const loadAtStart = loadavg();
const upstream = await forkBuilt<{ url: string }>('load-upstream-process', {
  BENCH_KEY: KEY,
  UPSTREAM_LATENCY_MS: String(UPSTREAM_MS),
});
const redis = await startRedisServer();
const start = async (script: string, env: Record<string, string>): Promise<Server> => {
  const child = await forkBuilt<{ url: string }>(script, {
    BENCH_KEY: KEY,
    VISION_ENDPOINT: upstream.ready.url,
    ...env,
  });
  return { url: child.ready.url, pid: child.pid, stop: child.stop };
};

const rows: Row[] = [];
const single: Record<string, number> = {};
const floor = await start('floor-process', {});
rows.push(await measureRow('1. floor: bare yoga + undici', [floor]));
single['floor'] = (await load([floor.url], 1, SINGLE_S)).p50;
floor.stop();

const bare = await start('gateway-process', { BENCH_CACHE: 'off' });
rows.push(await measureRow('2. gateway, 1 replica, cache off', [bare]));
single['gateway'] = (await load([bare.url], 1, SINGLE_S)).p50;
bare.stop();

const cached = await start('gateway-process', { BENCH_CACHE: 'on' });
rows.push(await measureRow('3. gateway, cache on (steady state)', [cached]));
cached.stop();

const pair = await Promise.all(
  [0, 1].map(() => start('gateway-process', { BENCH_CACHE: 'on', REDIS_URL: redis.url })),
);
rows.push(await measureRow('4. two replicas sharing Redis', pair));
for (const replica of pair) replica.stop();

const floorRow = rows[0] as Row;
const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(
  `\n## Load: ${CONNECTIONS} connections, ${DURATION_S} s per row (after ${WARMUP_S} s warm-up), upstream ${UPSTREAM_MS} ms, query { models { name } }\n`,
);
console.log(
  '| set-up | req/s | p50 | p95 | p99 | errors | server CPU per request | RSS per process | req/s vs floor | p95 vs floor | CPU per request vs floor |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.rps.toFixed(0)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${row.errors} | ${row.cpuUs.toFixed(0)} µs | ${row.rssMb.toFixed(0)} MB | ${(row.rps / floorRow.rps).toFixed(2)}x | ${(row.p95 / floorRow.p95).toFixed(2)}x | ${(row.cpuUs / floorRow.cpuUs).toFixed(2)}x |`,
  );
}
const row2 = rows[1] as Row;
console.log(
  `\nAt concurrency 1 (${SINGLE_S} s each): floor p50 ${ms(single['floor'] ?? NaN)}, gateway (cache off) p50 ${ms(single['gateway'] ?? NaN)}, difference ${ms((single['gateway'] ?? NaN) - (single['floor'] ?? NaN))} (target at most 0.3 ms).`,
);
console.log(
  `Targets (reported, not asserted): row 2 >= 0.7x floor req/s: ${(row2.rps / floorRow.rps).toFixed(2)}x; p95 <= upstream + 25 ms = ${UPSTREAM_MS + 25} ms: row 2 ${ms(row2.p95)}; RSS < 300 MB per replica: max ${Math.max(...rows.slice(1).map((r) => r.rssMb)).toFixed(0)} MB.`,
);
const load1 = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
console.log(
  `Processes: autocannon (this one), the servers, the upstream, redis-server, all on ${availableParallelism()} shared cores; load average (1 / 5 / 15 min) ${load1(loadAtStart)} at the start, ${load1(loadavg())} at the end.`,
);
upstream.stop();
await redis.stop();
