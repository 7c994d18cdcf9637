// Benchmark: (1) upstream calls per query shape, gateway vs a naive one-call-per-field
// resolver, and (2) the gateway's added latency over calling core directly, at 1 and 50
// concurrent queries: (1) in this process against an in-process emulator, (2) with the upstream
// and the gateway in child processes.
//   pnpm --filter @visiongraph/gateway bench        (BENCH_QUICK=1 for fewer samples)
import { availableParallelism } from 'node:os';
import { createVisionClient, type VisionClient } from '@visiongraph/core';
import { startEmulator } from '@visiongraph/emulator';
import { createGateway, createJsonLogger } from '../src/index.js';
import { forkBuilt, forkReady } from './child-process.js';
import { closeHttpClient, postGraphql } from './http-client.js';
import { startImageHost } from './image-host.js';
import { executeNaive } from './naive-schema.js';
import type { VisionApiMode } from '@visiongraph/schema';
import { measure, ms, summarize, type Summary } from './stats.js';

const QUICK = process.env['BENCH_QUICK'] === '1';
// BENCH_ONLY=calls or BENCH_ONLY=latency runs one part.
const ONLY = process.env['BENCH_ONLY'];
const KEY = 'bench-key';
const polling = { initialDelayMs: 100, intervalMs: 100 };

const calls: string[] = [];
const emulator = await startEmulator({
  port: 0,
  host: '127.0.0.1',
  key: KEY,
  allowPrivateUrls: true, // the bench's image host is on loopback
  onRequest: (i) => calls.push(i.operation),
});
const images = await startImageHost();
const silent = createJsonLogger({ level: 'silent' });

// Read polls depend on how long the OCR takes, not on batching: shown apart from the total.
async function countCalls(run: () => Promise<{ errors?: unknown[] }>): Promise<string> {
  const before = calls.length;
  const result = await run();
  const made = calls.slice(before);
  const polls = made.filter((op) => op === 'getReadResult').length;
  const byOp = new Map<string, number>();
  for (const op of made) if (op !== 'getReadResult') byOp.set(op, (byOp.get(op) ?? 0) + 1);
  const detail = [...byOp].map(([op, n]) => `${op} ${n}`).join(', ') || '-';
  const errors = result.errors?.length ? `, ${result.errors.length} errors!` : '';
  return `${made.length - polls} (${detail}${polls ? ` + ${polls} polls` : ''}${errors})`;
}

// ---- 1. Upstream calls per query shape -------------------------------------------------------
const u = (file: string) => images.url(file);
const SEVEN =
  'caption { text } tags { name } objects { name } faces { age } color { accentColor } landmarks { name } celebrities { name }';
const MIXED = `caption { text } tags { name } faces { age } color { accentColor } denseCaptions { text } people { confidence } smartCrops(aspectRatios: [1, 1.5]) { aspectRatio }`;
// [name, query, VISION_API]; rows without a mode use the default (3.2).
const SHAPES: Array<[string, string, VisionApiMode?]> = [
  ['7 analyze fields, 1 image', `{ image(url: "${u('csdf-dog.jpg')}") { ${SEVEN} } }`],
  [
    '7 fields x 3 images (1 URL repeated, aliases+fragment)',
    `{ a: image(url: "${u('csdf-faces.jpg')}") { ...F } b: image(url: "${u('csdf-faces.jpg')}") { caption { text } }
       list: images(urls: ["${u('csdf-objects.jpg')}", "${u('csdf-faces.jpg')}"]) { ...F } } fragment F on Image { ${SEVEN} }`,
  ],
  [
    'caption+tags of 5 images',
    `{ images(urls: [${['csdf-house.jpg', 'csdf-landmark.jpg', 'csdf-celebrities.jpg', 'skimage-astronaut.png', 'rest-handwriting.jpg'].map((f) => `"${u(f)}"`).join(', ')}]) { caption { text } tags { name } } }`,
  ],
  [
    'caption + same thumbnail twice',
    `{ image(url: "${u('skimage-astronaut.png')}") { caption { text } t1: thumbnail(width: 64, height: 64) { byteSize } t2: thumbnail(width: 64, height: 64) { base64 } } }`,
  ],
  [
    'caption + text (read + polls)',
    `{ image(url: "${u('tjs-testocr.png')}") { caption { text } text { text } } }`,
  ],
  [
    'mixed 3.2 + 4.0: 7 fields, 1 image, VISION_API=3.2',
    `{ image(url: "${u('csdf-faces.jpg')}") { ${MIXED} } }`,
    '3.2',
  ],
  [
    'mixed 3.2 + 4.0: 7 fields + text, 2 images, VISION_API=4.0',
    `{ images(urls: ["${u('csdf-faces.jpg')}", "${u('tjs-testocr.png')}"]) { ${MIXED} text { text } } }`,
    '4.0',
  ],
];

const naiveClient = createVisionClient({ endpoint: emulator.url, key: KEY, polling });
if (ONLY !== 'latency') {
  console.log('\n## Upstream calls per query (cold caches; "repeat" = the same query again)\n');
  console.log('| query shape | naive resolver | gateway | gateway, repeat |');
  console.log('|---|---|---|---|');
}
for (const [name, query, visionApi] of ONLY === 'latency' ? [] : SHAPES) {
  const naive = await countCalls(async () => ({
    errors: (await executeNaive(naiveClient, query)).errors?.slice(),
  }));
  const gateway = createGateway({
    visionEndpoint: emulator.url,
    visionKey: KEY,
    logger: silent,
    vision: { polling },
    ...(visionApi && { visionApi }),
  });
  const post = () =>
    gateway
      .fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      })
      .then((r) => r.json() as Promise<{ errors?: unknown[] }>);
  const cold = await countCalls(post);
  const repeat = await countCalls(post);
  await gateway.close();
  console.log(`| ${name} | ${naive} | ${cold} | ${repeat} |`);
}

// ---- 2. Added latency ------------------------------------------------------------------------
// Processes as deployed: the upstream (emulator + image host) runs in a child process, like a
// remote Azure region that does not share the gateway's event loop; the gateway answers over HTTP
// from another child process; a second gateway in this process, called through fetch, shows its
// cost without the extra HTTP hop. Both gateways run with their cross-request cache OFF (every
// query goes upstream, as every direct core call does) and use the same client options as core.
// Upstream latency 0 = loopback speed, where every query is CPU on this machine's shared cores
// (at 50 concurrent the added latency is then the gateway's CPU per query times the queue);
// 100 ms holds each upstream answer back, as Azure's own answers take 100 ms to seconds.
type LatencyShape = {
  name: string;
  query: string;
  core: (c: VisionClient, imageUrl: string) => Promise<unknown>;
  counts: Record<number, number>;
};
const THUMB = 'csdf-dog.jpg';
const models = (counts: Record<number, number>): LatencyShape => ({
  name: 'models (no image)',
  query: '{ models { name } }',
  core: (c) => c.listModels({}),
  counts,
});
const LATENCY_SHAPES: Array<[number, LatencyShape[]]> = [
  [
    0,
    [
      models(QUICK ? { 1: 100, 50: 500 } : { 1: 400, 50: 2000 }),
      {
        name: 'thumbnail 32x32 of 1 image',
        query: `{ image(url: "IMAGE") { thumbnail(width: 32, height: 32, smartCropping: false) { byteSize } } }`,
        core: (c, url) => c.generateThumbnail(url, { width: 32, height: 32, smartCropping: false }),
        counts: QUICK ? { 1: 50, 50: 200 } : { 1: 200, 50: 1000 },
      },
    ],
  ],
  [100, [models(QUICK ? { 1: 20, 50: 200 } : { 1: 60, 50: 1000 })]],
];

let failures = 0;
const checked = (run: () => Promise<{ errors?: unknown[] }>) => async () => {
  const body = await run();
  if (body.errors) failures += 1;
};
const fmt = (s: { p50: number; p99: number }) => `${ms(s.p50)} / ${ms(s.p99)}`;

console.log('\n## Added latency: gateway vs core called directly (gateway cache off)\n');
console.log(
  '| query | upstream latency | concurrency | n | core direct p50 / p99 | gateway over HTTP p50 / p99 | added p50 / p99 | gateway in-process p50 / p99 | added p50 / p99 | gateway own time p50 / p99 |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [latencyMs, shapes] of ONLY === 'calls' ? [] : LATENCY_SHAPES) {
  const upstream = await forkReady<{ url: string; imageBase: string }>('./upstream-process.ts', {
    BENCH_KEY: KEY,
    UPSTREAM_LATENCY_MS: String(latencyMs),
  });
  const remote = await forkBuilt<{ url: string }>('gateway-process', {
    BENCH_KEY: KEY,
    VISION_ENDPOINT: upstream.ready.url,
  });
  const direct = createVisionClient({ endpoint: upstream.ready.url, key: KEY });
  const lines: Array<Record<string, any>> = [];
  const logger = createJsonLogger({ level: 'info', write: (line) => lines.push(JSON.parse(line)) });
  const local = createGateway({
    visionEndpoint: upstream.ready.url,
    visionKey: KEY,
    cache: false,
    logger,
  });
  const imageUrl = upstream.ready.imageBase + THUMB;
  const viaHttp = (query: string) =>
    checked(() => postGraphql(`${remote.ready.url}/graphql`, query));
  const inProcess = (query: string) =>
    checked(() =>
      local
        .fetch('http://gateway/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        })
        .then((r) => r.json() as Promise<{ errors?: unknown[] }>),
    );
  // A server is measured warm: the gateway process needs a few thousand queries before V8 has
  // optimised yoga's and graphql's paths (1000 left it at ~3x its settled latency). Every side
  // gets the same warm-up.
  const warmQuery = models({}).query;
  for (const task of [() => direct.listModels({}), viaHttp(warmQuery), inProcess(warmQuery)]) {
    await measure(QUICK ? 1000 : 3000, 50, task);
  }
  for (const shape of shapes) {
    const query = shape.query.replace('IMAGE', imageUrl);
    const core = () => shape.core(direct, imageUrl);
    const overHttp = viaHttp(query);
    const gatewayInProcess = inProcess(query);
    for (const [level, total] of Object.entries(shape.counts)) {
      const concurrency = Number(level);
      // Enough runs for the JIT to settle on the gateway's paths (20 left it visibly cold).
      const warm = Math.min(100, total);
      for (const task of [core, overHttp, gatewayInProcess]) await measure(warm, concurrency, task); // connections, JIT
      const samples: [number[], number[], number[]] = [[], [], []];
      const own: number[] = [];
      // Alternating halves, so drift (GC, other load on the machine) hits every side alike.
      for (let half = 0; half < 2; half += 1) {
        samples[0].push(...(await measure(total / 2, concurrency, core)));
        samples[1].push(...(await measure(total / 2, concurrency, overHttp)));
        lines.length = 0;
        samples[2].push(...(await measure(total / 2, concurrency, gatewayInProcess)));
        // The gateway's own time per request: its logged duration minus the time spent upstream.
        own.push(
          ...lines
            .filter((l) => l['msg'] === 'request')
            .map((l) => l['durationMs'] - (l['upstreamMs'] ?? 0)),
        );
      }
      const [c, h, i] = samples.map(summarize) as [Summary, Summary, Summary];
      const added = (g: Summary) => ({ p50: g.p50 - c.p50, p99: g.p99 - c.p99 });
      console.log(
        `| ${shape.name} | ${latencyMs} ms | ${concurrency} | ${total} | ${fmt(c)} | ${fmt(h)} | ${fmt(added(h))} | ${fmt(i)} | ${fmt(added(i))} | ${fmt(summarize(own))} |`,
      );
    }
  }
  await Promise.all([local.close(), direct.close()]);
  remote.stop();
  upstream.stop();
}
console.log(
  '\n"added" = gateway percentile minus core percentile, as a client sees it (the HTTP hop to the gateway included in "over HTTP").',
);
console.log(
  '"gateway own time" = per in-process request, the gateway\'s logged duration minus its upstream attempt time.',
);
console.log(
  `Processes: this one (clients, in-process gateway), the gateway, the upstream; they share ${availableParallelism()} cores. Gateway answers with errors: ${failures}.`,
);

closeHttpClient();
await naiveClient.close();
await images.close();
await emulator.close();
