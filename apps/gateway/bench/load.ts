// Load bench: autocannon against four set-ups side by side in one run, the upstream (emulator)
// 20 ms away in its own process, every server in its own process, each run as deployed: compiled
// JavaScript (the gateway's dist) under plain node, no tsx (`bench:build` compiles them first):
//   1. floor: a bare graphql-yoga server whose one resolver makes the same upstream call (undici)
//   2. the gateway, one replica, cache off   3. the gateway, cache on (steady state)
//   4. two gateway replicas sharing one Redis (cache on), the load split between them
//   pnpm --filter @visiongraph/gateway bench:load      (BENCH_QUICK=1: 5 s runs instead of 30 s)
// The rows are timed in turns, round after round, so other work on a shared machine weighs on all
// of them alike. CPU per request (the servers' user + system time over the requests they answered)
// is the figure load distorts least; BENCH_CPU_PROF=<dir> writes a profile per server.
import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { startRedisServer } from '../test/redis-server.js';
import { forkBuilt, servedNodeFlags } from './child-process.js';
import { cpuMs, rssMb } from './process-usage.js';
import { percentile } from './stats.js';

const QUICK = process.env['BENCH_QUICK'] === '1';
const DURATION_S = QUICK ? 5 : 30;
const WARMUP_S = QUICK ? 3 : 10;
const SINGLE_S = QUICK ? 5 : 15;
// Each set-up's timed seconds come in this many turns, interleaved with the other set-ups'.
const SLICES = 5;
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
  /** The stand-in upstream's and the load generator's CPU per request, in µs: the rig's share. */
  upstreamCpuUs: number;
  loadGenCpuUs: number;
  rssMb: number;
}

/** What a set-up answered over one or more timed slices. */
interface Tally {
  samples: number[];
  requests: number;
  /** Sum over slices of req/s x the slice's seconds (req/s = this / seconds). */
  requestSeconds: number;
  seconds: number;
  errors: number;
  cpuMs: number;
  upstreamCpuMs: number;
  loadGenCpuMs: number;
}

const emptyTally = (): Tally => ({
  samples: [],
  requests: 0,
  requestSeconds: 0,
  seconds: 0,
  errors: 0,
  cpuMs: 0,
  upstreamCpuMs: 0,
  loadGenCpuMs: 0,
});

/** One autocannon run per server at once, connections split, added to `tally`. */
async function loadSlice(servers: Server[], connections: number, seconds: number, tally: Tally) {
  const cpu = () => servers.reduce((sum, s) => sum + cpuMs(s.pid), 0);
  const cpuBefore = cpu();
  const upstreamBefore = cpuMs(upstreamPid);
  const loadGenBefore = process.cpuUsage();
  const results = await Promise.all(
    servers.map((server) =>
      autocannon({
        url: `${server.url}/graphql`,
        connections: Math.max(1, Math.round(connections / servers.length)),
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: BODY,
        setupClient: (client) => client.on('response', (_s, _b, ms) => tally.samples.push(ms)),
      }),
    ),
  );
  tally.cpuMs += cpu() - cpuBefore;
  tally.upstreamCpuMs += cpuMs(upstreamPid) - upstreamBefore;
  const loadGen = process.cpuUsage(loadGenBefore);
  tally.loadGenCpuMs += (loadGen.user + loadGen.system) / 1000;
  tally.requests += results.reduce((sum, r) => sum + r.requests.total, 0);
  tally.requestSeconds +=
    results.reduce((sum, r) => sum + r.requests.total / r.duration, 0) * seconds;
  tally.seconds += seconds;
  tally.errors += results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0);
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

/**
 * Times every set-up in turns of `seconds / SLICES`, round after round, so a burst of other
 * work on the shared machine falls on all of them alike rather than on whichever ran then.
 */
async function measureInTurns(
  setups: Array<{ servers: Server[] }>,
  connections: number,
  seconds: number,
): Promise<Tally[]> {
  const tallies = setups.map(emptyTally);
  for (let round = 0; round < SLICES; round++) {
    for (const [i, setup] of setups.entries()) {
      await loadSlice(setup.servers, connections, seconds / SLICES, tallies[i]!);
    }
  }
  return tallies;
}

function toRow(name: string, tally: Tally, servers: Server[]): Row {
  const sorted = tally.samples.sort((a, b) => a - b);
  return {
    name,
    rps: tally.requestSeconds / tally.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: tally.errors,
    cpuUs: (tally.cpuMs * 1000) / tally.requests,
    upstreamCpuUs: (tally.upstreamCpuMs * 1000) / tally.requests,
    loadGenCpuUs: (tally.loadGenCpuMs * 1000) / tally.requests,
    rssMb: Math.max(...servers.map((s) => rssMb(s.pid))),
  };
}

const loadAtStart = loadavg();
const upstream = await forkBuilt<{ url: string }>('load-upstream-process', {
  BENCH_KEY: KEY,
  UPSTREAM_LATENCY_MS: String(UPSTREAM_MS),
});
const upstreamPid = upstream.pid;
const redis = await startRedisServer();
// Every server row runs with the gateway's deployed node flags, the floor too: same runtime.
const NODE_FLAGS = servedNodeFlags();
const start = async (script: string, env: Record<string, string>): Promise<Server> => {
  const child = await forkBuilt<{ url: string }>(
    script,
    { BENCH_KEY: KEY, VISION_ENDPOINT: upstream.ready.url, ...env },
    NODE_FLAGS,
  );
  return { url: child.ready.url, pid: child.pid, stop: child.stop };
};

const floor = await start('floor-process', {});
const bare = await start('gateway-process', { BENCH_CACHE: 'off' });
const cached = await start('gateway-process', { BENCH_CACHE: 'on' });
const pair = await Promise.all(
  [0, 1].map(() => start('gateway-process', { BENCH_CACHE: 'on', REDIS_URL: redis.url })),
);
const setups = [
  { name: '1. floor: bare yoga + undici', servers: [floor] },
  { name: '2. gateway, 1 replica, cache off', servers: [bare] },
  { name: '3. gateway, cache on (steady state)', servers: [cached] },
  { name: '4. two replicas sharing Redis', servers: pair },
];
for (const setup of setups) {
  for (const server of setup.servers) await check(server.url);
  // JIT, connections, a warm cache
  await loadSlice(setup.servers, CONNECTIONS, WARMUP_S, emptyTally());
}
const tallies = await measureInTurns(setups, CONNECTIONS, DURATION_S);
const rows = setups.map((setup, i) => toRow(setup.name, tallies[i]!, setup.servers));
const [floorOne, gatewayOne] = await measureInTurns([setups[0]!, setups[1]!], 1, SINGLE_S);
const single = {
  floor: toRow('floor', floorOne!, [floor]).p50,
  gateway: toRow('gateway', gatewayOne!, [bare]).p50,
};
for (const setup of setups) for (const server of setup.servers) server.stop();

const floorRow = rows[0] as Row;
const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(
  `\n## Load: ${CONNECTIONS} connections, ${DURATION_S} s per row in ${SLICES} turns taken in rotation with the other rows (after ${WARMUP_S} s warm-up), upstream ${UPSTREAM_MS} ms, query { models { name } }, servers run by \`node ${NODE_FLAGS.join(' ')}\` (the gateway's serve script)\n`,
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
console.log(
  "\nThe rig's CPU per request, on the same cores (an Azure region would spend none of it here):\n",
);
console.log('| set-up | servers | stand-in upstream | load generator (autocannon) |');
console.log('|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.cpuUs.toFixed(0)} µs | ${row.upstreamCpuUs.toFixed(0)} µs | ${row.loadGenCpuUs.toFixed(0)} µs |`,
  );
}
const row2 = rows[1] as Row;
console.log(
  `\nAt concurrency 1 (${SINGLE_S} s each, in turns): floor p50 ${ms(single.floor)}, gateway (cache off) p50 ${ms(single.gateway)}, difference ${ms(single.gateway - single.floor)} (target at most 0.3 ms).`,
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
