// The one options object of the emulator: documented defaults, validated once, failing fast
// with the name of the offending option.
import { existsSync, statSync } from 'node:fs';
import type { BackendOptions } from './analysis/backend-options.js';
import type { VisionBackend } from './analysis/types.js';
import { type EmulatorLogger, stderrLogger } from './logger.js';
import type { AnalysisMemoOptions } from './memo-backend.js';
import { DEFAULT_HOST, DEFAULT_KEY, DEFAULT_PORT, MB } from './constants.js';
import { DEFAULT_READ_LIMITS, type ReadLimitOptions } from './read/operation-store.js';

/** `v4.0` is Image Analysis 4.0 (`/computervision/imageanalysis:analyze`, api-version 2023-10-01). */
export type ApiVersion = 'v1.0' | 'v3.2' | 'v4.0';

/** What `onRequest` sees for every request that matched a route (before auth and rate limiting). */
export interface RequestInfo {
  method: string;
  path: string;
  version: ApiVersion;
  /** Route name, e.g. `analyze`, `read`, `getReadResult`, `recognizeText`. */
  operation: string;
  query: Record<string, string>;
}

/** How long a read operation shows each intermediate status. */
export interface ReadStageOptions {
  /** Polls (GETs) that see this status before it can move on. @default 1 */
  polls?: number;
  /** Milliseconds since the POST before it can move on. @default 0 */
  ms?: number;
}

export interface UrlFetchOptions {
  /** Whole download (connect, redirects, body) deadline. @default 10_000 (10 s) */
  timeoutMs?: number;
  /** Largest body fetched from an image URL. @default 50 MB */
  maxBytes?: number;
  /** Redirects followed; each target is checked again. @default 5 */
  maxRedirects?: number;
  /**
   * When set, only these host names (exact, case-insensitive; `*.example.com` for subdomains)
   * may be fetched. @default undefined (any public host)
   */
  allowedHosts?: string[];
}

export interface EmulatorOptions {
  /** The subscription key accepted in `Ocp-Apim-Subscription-Key`. @default "emulator-key" */
  key?: string;
  /** Interface `startEmulator` listens on. @default "127.0.0.1" */
  host?: string;
  /** Port `startEmulator` listens on; 0 picks a free one. @default 5000 */
  port?: number;
  /** Folder of reference images for celebrities and landmarks. @default the bundled gallery */
  galleryDir?: string;
  /** How long read / recognizeText results are kept. @default 172_800_000 (48 h) */
  readResultTtlMs?: number;
  /** Status progression of read operations: notStarted → running → succeeded|failed. */
  readProgression?: { notStarted?: ReadStageOptions; running?: ReadStageOptions };
  /** Bounds of the read operation store (reads running, operations and result bytes kept). */
  readLimits?: ReadLimitOptions;
  /** Requests per second before 429 + Retry-After; `false` turns limiting off. @default false */
  rateLimit?: number | false;
  /**
   * Milliseconds every answer is held back before it is sent, standing in for the network
   * distance to a real Azure region (client timeouts, concurrency, benchmarks). The work itself
   * is not slowed. @default 0
   */
  latencyMs?: number;
  /** Policy for `{"url": ...}` bodies. */
  urlFetch?: UrlFetchOptions;
  /**
   * Lets `{"url": ...}` bodies reach loopback, private (10/8, 172.16/12, 192.168/16), CGNAT,
   * unique-local IPv6 and NAT64 addresses and `localhost`. For local development only: with it,
   * anyone who can send a URL can read services only this machine can reach. Link-local
   * addresses and cloud metadata endpoints stay refused. CLI: `--allow-private-urls` or
   * `EMULATOR_ALLOW_PRIVATE_URLS=1`. @default false
   */
  allowPrivateUrls?: boolean;
  /** Called for every request that matched a route; tests and the gateway count upstream calls with it. */
  onRequest?: (info: RequestInfo) => void;
  /** Replaces the analysis backend (it is then not closed by `close()`). @default createBackend({ galleryDir }) */
  backend?: VisionBackend;
  /**
   * Keeps analysis results of recently seen images (by content: SHA-256 of the bytes), so the
   * same image sent again, or to another operation needing parts already computed, skips the
   * models. The analysis is deterministic, so answers are unchanged. Applies to the default
   * backend only (a `backend` passed in is called as is); `false` turns it off.
   * @default { maxImages: 64 }
   */
  analysisMemo?: AnalysisMemoOptions | false;
  /**
   * Receives the emulator's diagnostics (a request that failed inside, model workers' warnings
   * and output) as `logger.warn(msg, fields)` etc.; the gateway passes its JSON logger.
   * @default warnings and errors as text on stderr
   */
  logger?: EmulatorLogger;
  /** Model worker threads of the default backend, 1 or 2. @default min(2, os.availableParallelism()) */
  workers?: number;
  /** Tesseract workers of the default backend (shared process-wide), 1 to 64. @default min(4, os.availableParallelism()) */
  ocrWorkers?: number;
}

export interface ResolvedOptions {
  key: string;
  host: string;
  port: number;
  galleryDir: string | undefined;
  readResultTtlMs: number;
  readProgression: { notStarted: Required<ReadStageOptions>; running: Required<ReadStageOptions> };
  readLimits: Required<ReadLimitOptions>;
  rateLimit: number | undefined;
  latencyMs: number;
  urlFetch: Required<Omit<UrlFetchOptions, 'allowedHosts'>> & {
    allowedHosts: string[] | undefined;
    allowPrivate: boolean;
  };
  onRequest: ((info: RequestInfo) => void) | undefined;
  backend: VisionBackend | undefined;
  analysisMemo: Required<AnalysisMemoOptions> | undefined;
  logger: EmulatorLogger;
  /** What the default backend is created with. */
  analysis: BackendOptions;
}

export class EmulatorOptionsError extends Error {
  override readonly name = 'EmulatorOptionsError';
  readonly code = 'INVALID_EMULATOR_OPTION';
  constructor(
    readonly option: string,
    problem: string,
  ) {
    super(`Invalid emulator option "${option}": ${problem}`);
  }
}

function check(ok: boolean, option: string, problem: string): void {
  if (!ok) throw new EmulatorOptionsError(option, problem);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPositive = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0;

function stage(value: ReadStageOptions | undefined, name: string): Required<ReadStageOptions> {
  const polls = value?.polls ?? 1;
  const ms = value?.ms ?? 0;
  check(isCount(polls), `readProgression.${name}.polls`, 'must be an integer >= 0');
  check(isCount(ms), `readProgression.${name}.ms`, 'must be an integer >= 0');
  return { polls, ms };
}

/** Applies defaults and validates; throws EmulatorOptionsError naming the first bad option. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const key = options.key ?? DEFAULT_KEY;
  check(
    typeof key === 'string' && /^\S+$/.test(key),
    'key',
    'must be a non-empty string without spaces',
  );
  const host = options.host ?? DEFAULT_HOST;
  check(typeof host === 'string' && host.length > 0, 'host', 'must be a non-empty string');
  const port = options.port ?? DEFAULT_PORT;
  check(isCount(port) && port <= 65_535, 'port', 'must be an integer from 0 to 65535');
  const galleryDir = options.galleryDir;
  if (galleryDir !== undefined) {
    check(
      typeof galleryDir === 'string' &&
        existsSync(galleryDir) &&
        statSync(galleryDir).isDirectory(),
      'galleryDir',
      'must be an existing directory',
    );
  }
  const readResultTtlMs = options.readResultTtlMs ?? 48 * 3600 * 1000;
  check(
    isPositive(readResultTtlMs),
    'readResultTtlMs',
    'must be a positive number of milliseconds',
  );
  const readLimits = { ...DEFAULT_READ_LIMITS, ...options.readLimits };
  for (const [name, value] of Object.entries(readLimits))
    check(isCount(value) && value > 0, `readLimits.${name}`, 'must be an integer >= 1');
  const rateLimit =
    options.rateLimit === false || options.rateLimit === undefined ? undefined : options.rateLimit;
  check(
    rateLimit === undefined || isPositive(rateLimit),
    'rateLimit',
    'must be a positive number of requests per second, or false',
  );
  const latencyMs = options.latencyMs ?? 0;
  check(isCount(latencyMs), 'latencyMs', 'must be an integer >= 0');
  const fetch = options.urlFetch ?? {};
  const urlFetch = {
    timeoutMs: fetch.timeoutMs ?? 10_000,
    maxBytes: fetch.maxBytes ?? 50 * MB,
    maxRedirects: fetch.maxRedirects ?? 5,
    allowedHosts: fetch.allowedHosts?.map((h) => h.toLowerCase()),
    allowPrivate: options.allowPrivateUrls ?? false,
  };
  check(typeof urlFetch.allowPrivate === 'boolean', 'allowPrivateUrls', 'must be true or false');
  check(
    isPositive(urlFetch.timeoutMs),
    'urlFetch.timeoutMs',
    'must be a positive number of milliseconds',
  );
  check(isPositive(urlFetch.maxBytes), 'urlFetch.maxBytes', 'must be a positive number of bytes');
  check(isCount(urlFetch.maxRedirects), 'urlFetch.maxRedirects', 'must be an integer >= 0');
  check(
    fetch.allowedHosts === undefined ||
      (Array.isArray(fetch.allowedHosts) &&
        fetch.allowedHosts.every((h) => typeof h === 'string' && h.length > 0)),
    'urlFetch.allowedHosts',
    'must be an array of host names',
  );
  check(
    options.onRequest === undefined || typeof options.onRequest === 'function',
    'onRequest',
    'must be a function',
  );
  const backend = options.backend;
  check(
    backend === undefined || (typeof backend === 'object' && typeof backend.load === 'function'),
    'backend',
    'must implement VisionBackend',
  );
  const memo = options.analysisMemo;
  check(
    memo === undefined || memo === false || (typeof memo === 'object' && memo !== null),
    'analysisMemo',
    'must be an object or false',
  );
  const analysisMemo = memo === false ? undefined : { maxImages: memo?.maxImages ?? 64 };
  check(
    analysisMemo === undefined || (isCount(analysisMemo.maxImages) && analysisMemo.maxImages > 0),
    'analysisMemo.maxImages',
    'must be an integer >= 1',
  );
  const logger = options.logger ?? stderrLogger;
  check(
    (['debug', 'info', 'warn', 'error'] as const).every((l) => typeof logger[l] === 'function'),
    'logger',
    'must have debug, info, warn and error functions',
  );
  check(
    options.workers === undefined || options.workers === 1 || options.workers === 2,
    'workers',
    'must be 1 or 2',
  );
  check(
    options.ocrWorkers === undefined ||
      (Number.isInteger(options.ocrWorkers) && options.ocrWorkers >= 1 && options.ocrWorkers <= 64),
    'ocrWorkers',
    'must be an integer from 1 to 64',
  );
  const analysis: BackendOptions = { logger };
  if (galleryDir !== undefined) analysis.galleryDir = galleryDir;
  if (options.workers !== undefined) analysis.workers = options.workers;
  if (options.ocrWorkers !== undefined) analysis.ocrWorkers = options.ocrWorkers;
  return {
    key,
    host,
    port,
    galleryDir,
    readResultTtlMs,
    readProgression: {
      notStarted: stage(options.readProgression?.notStarted, 'notStarted'),
      running: stage(options.readProgression?.running, 'running'),
    },
    readLimits,
    rateLimit,
    latencyMs,
    urlFetch,
    onRequest: options.onRequest,
    backend,
    analysisMemo,
    logger,
    analysis,
  };
}
