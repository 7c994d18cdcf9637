// Fault storms: N concurrent queries against a gateway whose upstream is behind the fault proxy,
// one storm per kind of fault, then all of them at once. What a storm must show: every query
// answered (data, or field errors with codes), correct data where there is data, no crash, no
// unhandled rejection, one read submission per text, the configured upstream rate held, RSS
// bounded. The figures go to the abuse table; the assertions live in the tests.
import type { FaultRule } from './fault-proxy.js';
import type { GatewayChild } from './gateway-child.js';
import { samplePeak } from './gateway-child.js';
import { imageWidthOf } from './image-host.js';
import { codesOf, postQuery } from './graphql-http.js';
import { UPSTREAM_KEY, type Upstream } from './upstream.js';

/** Core's rate limit in the gateway under storm; the proxy checks it is held. */
export const STORM_RATE = { requestsPerSecond: 50, burst: 5 };

/**
 * Lateness allowed between the gateway taking a token and the proxy seeing the request: a busy
 * event loop on either side (2 shared cores) delays one and then lets several through at once.
 */
export const RATE_SLACK_MS = 500;

/**
 * The most requests the proxy may see in any 1 s window: the bucket's `burst` plus the rate
 * over 1 s and the slack. A gateway without the limit sends a storm within a few hundred ms.
 */
export const ALLOWED_PER_SECOND = Math.floor(
  STORM_RATE.requestsPerSecond * (1 + RATE_SLACK_MS / 1_000) + STORM_RATE.burst,
);

/** Options for `startGatewayWithOptions`: short timeouts and polls so storms take seconds. */
export function stormGatewayOptions(upstreamUrl: string): Record<string, unknown> {
  return {
    port: 0,
    host: '127.0.0.1',
    visionEndpoint: upstreamUrl,
    visionKey: UPSTREAM_KEY,
    cache: false,
    logLevel: 'error',
    shutdownTimeoutMs: 1_000,
    vision: {
      rateLimit: STORM_RATE,
      timeouts: { connectMs: 1_000, headersMs: 1_000, bodyMs: 1_000 },
      retry: { maxRetries: 3, baseDelayMs: 50, maxDelayMs: 500, maxElapsedMs: 6_000 },
      polling: { initialDelayMs: 20, intervalMs: 20, timeoutMs: 8_000 },
      // Opens after 5 failed attempts in a row (core's default); open only briefly, so that
      // `settle` can close it between storms and one storm's failures do not decide the next's.
      circuitBreaker: { failureThreshold: 5, openMs: BREAKER_OPEN_MS },
    },
  };
}

/** How long the gateway's circuit breaker stays open in the storms (plus up to 20 %). */
export const BREAKER_OPEN_MS = 300;

export interface StormSpec {
  name: string;
  rules: FaultRule[];
}

const POLLS = /\/read\/analyzeResults\//;
export const STORMS: StormSpec[] = [
  {
    name: '429 + Retry-After: 1',
    rules: [{ ratio: 0.25, fault: { kind: 'status', status: 429, retryAfter: '1' } }],
  },
  { name: '503', rules: [{ ratio: 0.3, fault: { kind: 'status', status: 503 } }] },
  { name: 'connection resets', rules: [{ ratio: 0.25, fault: { kind: 'reset' } }] },
  { name: 'hangs', rules: [{ ratio: 0.08, fault: { kind: 'hang' } }] },
  { name: 'truncated bodies', rules: [{ ratio: 0.3, fault: { kind: 'truncate' } }] },
  { name: 'garbage bodies', rules: [{ ratio: 0.3, fault: { kind: 'garbage' } }] },
  {
    name: 'slow bodies',
    rules: [{ ratio: 0.5, fault: { kind: 'slow', chunkBytes: 64, delayMs: 10 } }],
  },
  {
    name: 'read polls: 503, resets, truncation',
    rules: [
      { path: POLLS, ratio: 0.3, fault: { kind: 'status', status: 503 } },
      { path: POLLS, ratio: 0.2, fault: { kind: 'reset' } },
      { path: POLLS, ratio: 0.2, fault: { kind: 'truncate' } },
    ],
  },
  {
    name: 'all of them at once',
    rules: [
      { ratio: 0.05, fault: { kind: 'status', status: 429, retryAfter: '1' } },
      { ratio: 0.1, fault: { kind: 'status', status: 503 } },
      { ratio: 0.05, fault: { kind: 'reset' } },
      { ratio: 0.03, fault: { kind: 'hang' } },
      { ratio: 0.05, fault: { kind: 'truncate' } },
      { ratio: 0.05, fault: { kind: 'garbage' } },
      { ratio: 0.1, fault: { kind: 'slow', chunkBytes: 64, delayMs: 10 } },
    ],
  },
  /** Last: the circuit breaker opens, and stays open for BREAKER_OPEN_MS after. */
  {
    name: 'upstream down (every answer 503)',
    rules: [{ ratio: 1, fault: { kind: 'status', status: 503 } }],
  },
];

/** Upstream calls one storm query makes when nothing fails: analyze, thumbnail, read. */
export const CALLS_PER_QUERY = 3;

const STORM_QUERY = `query Storm($url: URL!) {
  image(url: $url) {
    width color { accentColor } text { pages { width } } thumbnail(width: 32, height: 32) { byteSize }
  }
}`;

/** Codes a field may fail with when the upstream misbehaves. */
export const UPSTREAM_FAULT_CODES = [
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_ERROR',
];

export interface StormResult {
  name: string;
  queries: number;
  /** Answered: HTTP 200, JSON, and every error carries one of UPSTREAM_FAULT_CODES. */
  answered: number;
  /** What went wrong with the others (and wrong data in answered ones), one line each. */
  problems: string[];
  faults: number;
  /** Requests that reached the proxy (every attempt, retry and poll). */
  upstreamRequests: number;
  faultsByKind: Record<string, number>;
  errorsByCode: Record<string, number>;
  /** Texts submitted to the upstream more than once. */
  duplicateReads: number;
  /** Most upstream requests in any 1 s window, and the most the rate limit allows in one. */
  peakPerSecond: number;
  allowedPerSecond: number;
  /** Requests the rate allows from the first request's arrival to the last's (plus slack). */
  allowedOverStorm: number;
  rssPeakMb: number;
  ms: number;
}

export async function runStorm(
  gateway: GatewayChild,
  upstream: Upstream,
  spec: StormSpec,
  options: { queries: number; seed: number; firstImage: number },
): Promise<StormResult> {
  await settle(gateway, upstream, options.firstImage);
  upstream.proxy.configure(spec.rules, options.seed);
  const rss = samplePeak(() => gateway.rssMb());
  const started = performance.now();
  const errorsByCode: Record<string, number> = {};
  const problems: string[] = [];
  let answered = 0;

  await Promise.all(
    Array.from({ length: options.queries }, async (_, i) => {
      const n = options.firstImage + i;
      const url = `${upstream.images.url}/img/${n}.png`;
      let answer;
      try {
        answer = await postQuery(gateway.url, STORM_QUERY, { url }, { timeoutMs: 30_000 });
      } catch (error) {
        problems.push(`query ${i}: no answer (${(error as Error).message})`);
        return;
      }
      const codes = codesOf(answer);
      for (const code of codes) errorsByCode[code] = (errorsByCode[code] ?? 0) + 1;
      if (answer.status !== 200 || !answer.body || answer.body.data === undefined) {
        problems.push(`query ${i}: HTTP ${answer.status} ${answer.text.slice(0, 120)}`);
        return;
      }
      const stray = codes.filter((c) => !UPSTREAM_FAULT_CODES.includes(c));
      if (stray.length > 0) {
        problems.push(`query ${i}: unexpected codes ${stray.join(', ')}`);
        return;
      }
      answered += 1;
      const image = answer.body.data?.['image'];
      const wrong = wrongData(image, n);
      if (wrong) problems.push(`query ${i}: wrong data (${wrong})`);
    }),
  );

  const stats = upstream.proxy.stats;
  return {
    name: spec.name,
    queries: options.queries,
    answered,
    problems,
    faults: Object.values(stats.injected).reduce((a, b) => a + b, 0),
    upstreamRequests: stats.requests,
    faultsByKind: { ...stats.injected },
    errorsByCode,
    duplicateReads: upstream.proxy.duplicateReads(),
    peakPerSecond: upstream.proxy.peakRequests(1_000),
    allowedPerSecond: ALLOWED_PER_SECOND,
    allowedOverStorm: allowedOver(stats.log.map((entry) => entry.at)),
    rssPeakMb: rss.stop(),
    ms: performance.now() - started,
  };
}

/** What the rate limit lets through between the first and the last arrival, with the slack. */
function allowedOver(arrivals: number[]): number {
  const span = (arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0) + RATE_SLACK_MS;
  return Math.floor((STORM_RATE.requestsPerSecond * span) / 1_000 + STORM_RATE.burst);
}

/**
 * Starts a storm from a calm upstream and a closed circuit breaker: no faults, the breaker's
 * open time, then one query of one upstream call (the half-open probe, which closes it).
 */
async function settle(gateway: GatewayChild, upstream: Upstream, image: number): Promise<void> {
  upstream.proxy.configure([], 0);
  await new Promise((resolve) => setTimeout(resolve, BREAKER_OPEN_MS * 1.25));
  const url = `${upstream.images.url}/img/${image + 999}.png`;
  await postQuery(gateway.url, 'query Settle($url: URL!) { image(url: $url) { width } }', { url });
}

/** Where the gateway returned data, it must be this image's (a mangled body must not pass). */
function wrongData(image: Record<string, any> | null | undefined, n: number): string | undefined {
  if (!image) return undefined;
  const width = imageWidthOf(n);
  if (image['width'] != null && image['width'] !== width) return `width ${image['width']}`;
  const pages = image['text']?.['pages'];
  if (pages != null && (pages.length !== 1 || pages[0]?.['width'] !== width)) {
    return `text pages ${JSON.stringify(pages)}`;
  }
  const bytes = image['thumbnail']?.['byteSize'];
  if (bytes != null && !(bytes > 0)) return `thumbnail of ${bytes} bytes`;
  return undefined;
}
