import type { VisionApiMode } from '@visiongraph/schema';
import type { VisionClientOptions } from '@visiongraph/core';
import type { Plugin } from 'graphql-yoga';
import type { LogLevel, Logger } from '../log/logger.js';
import type { RedisStoreOptions } from '../store/redis-store.js';

/** Query and upload limits. Every field is optional; the defaults suit the visiongraph schema. */
export interface GatewayLimits {
  /**
   * Deepest selection allowed (introspection excluded). `image { text { pages { lines { words
   * { polygon { points { x } } } } } } }` is 8 deep.
   * @default 12
   */
  maxDepth?: number;
  /** Most aliases in one operation. @default 30 */
  maxAliases?: number;
  /**
   * Highest graphql-armor cost (objects 2, scalars 1, times 1.5 per level; lists count once).
   * Every field of one image, text included, costs about 180.
   * @default 5000
   */
  maxCost?: number;
  /** Most tokens in one document. @default 5000 */
  maxTokens?: number;
  /** Largest uploaded file, in bytes; Azure's own limit for image bytes is 4 MB. @default 4 MiB */
  maxUploadBytes?: number;
  /**
   * Largest request body, in bytes (checked before the body is parsed; answered with HTTP 413).
   * @default 4 × maxUploadBytes + 1 MiB
   */
  maxRequestBytes?: number;
  /**
   * Most Azure transactions one request may cost, as bounded before it runs (each analyze
   * feature 1, each thumbnail, describe, area of interest and OCR call 1, each read up to
   * `maxReadPages`; a URL named twice counts once). Over it: TRANSACTION_BUDGET_EXCEEDED, nothing
   * runs. At Azure's S1 price (about 1 USD per 1,000) the default caps a request near 0.20 USD.
   * @default 200
   */
  maxTransactions?: number;
  /** Most distinct images one request may name (over it: TOO_MANY_IMAGES). @default 50 */
  maxImages?: number;
  /** Most pages a read asks for, and bills (Azure bills read per page). @default 10 */
  maxReadPages?: number;
}

/** Options of {@link createGateway}. */
export interface CreateGatewayOptions {
  /** Base URL of Azure AI Vision or a compatible server, e.g. `https://x.cognitiveservices.azure.com`. */
  visionEndpoint: string;
  /** Subscription key sent as `Ocp-Apim-Subscription-Key`. Never logged. */
  visionKey: string;
  /**
   * Further options for core's client (timeouts, retry, rateLimit, maxConcurrency, polling,
   * dispatcher). The gateway sets `endpoint`, `key` and `onAttempt` itself.
   */
  vision?: Omit<VisionClientOptions, 'endpoint' | 'key' | 'onAttempt'>;
  /** Cross-request feature cache: `true` for the schema's in-memory cache, `false` for none. @default true */
  cache?: boolean;
  /**
   * Shared state for several replicas on one Redis: the feature cache, fetches in flight (one
   * replica calls upstream, the others wait for its result) and `maxUpstreamRps`. Without it the
   * cache and the limit live in this process. Ignored for the cache when `cache` is `false`.
   */
  store?: RedisStoreOptions;
  /**
   * Most upstream calls per second, summed over the replicas sharing `store` (Azure's quota is
   * per key: S1 10/s, F0 20/min = 0.33). Calls over it wait their turn. Replaces
   * `vision.rateLimit`. @default no limit
   */
  maxUpstreamRps?: number;
  /**
   * Serve `GET /metrics` in Prometheus text format (request, upstream, cache, store and rate-limit
   * counters; labels from fixed sets only). @default true
   */
  metrics?: boolean;
  /** Query and upload limits. */
  limits?: GatewayLimits;
  /** Directory of the playground's production build. @default `<repo>/apps/playground/dist` */
  playgroundDir?: string;
  /** Directory of example images served at `/examples/`. @default `<repo>/testdata/images` */
  examplesDir?: string;
  /** Serve GraphiQL on `GET /graphql`. @default true */
  graphiql?: boolean;
  /** Where log lines go. @default JSON lines on stdout at `logLevel` */
  logger?: Logger;
  /** Used when no `logger` is given. @default 'info' */
  logLevel?: LogLevel;
  /** Extra yoga/envelop plugins (auth, metrics…), run after the gateway's own. @default [] */
  plugins?: Plugin[];
  /** How long `/readyz` waits for the upstream, in ms. @default 2000 */
  readinessTimeoutMs?: number;
  /**
   * Which API answers caption, tags, objects and text (env `VISION_API`): '3.2', '4.0' (Image
   * Analysis 4.0), or 'auto' (4.0 where the resource has it, learned once from its answers, v3.2
   * otherwise). Dense captions, people and smart crops are always 4.0; faces, colour, adult,
   * categories, brands, celebrities, landmarks and thumbnails always v3.2. @default '3.2'
   */
  visionApi?: VisionApiMode;
  /**
   * Longest a GraphQL request may run, in ms. When it passes, or when the client disconnects,
   * the request's pending fields fail with ABORTED and the upstream calls no other request
   * waits for are aborted (a read stops polling). @default 60000
   */
  executionTimeoutMs?: number;
  /**
   * Browser origins (`https://app.example.com`) allowed to call the gateway cross-site: they get
   * `access-control-allow-origin` (never credentials). Every other site gets no CORS headers, so
   * its pages can neither read answers nor send JSON queries. `*` allows every origin.
   * Same-origin pages (the playground, GraphiQL) need no entry. Env: `GATEWAY_CORS_ORIGINS`.
   * @default [] (closed to foreign origins)
   */
  corsOrigins?: string[];
}

/** Limits of the Node HTTP server, against slow and numerous clients. */
export interface ServerLimits {
  /** Time to receive a request's headers (slowloris). @default 10000 */
  headersTimeoutMs?: number;
  /** Time to receive a whole request, body included (not the response). @default 60000 */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection is kept. @default 5000 */
  keepAliveTimeoutMs?: number;
  /** Most open connections; further ones are closed at once. @default 512 */
  maxConnections?: number;
}

/** Options of {@link startGateway}. */
export interface StartGatewayOptions
  extends Omit<CreateGatewayOptions, 'visionEndpoint' | 'visionKey'> {
  /** Upstream base URL. When absent, an emulator is started in-process and used. */
  visionEndpoint?: string;
  /** Required with `visionEndpoint`. */
  visionKey?: string;
  /** TCP port; 0 picks a free one. @default 4000 */
  port?: number;
  /**
   * Interface to listen on. Loopback by default: only this machine can reach the gateway. Use
   * `0.0.0.0` in a container (with the port published) or to serve a network on purpose.
   * @default '127.0.0.1'
   */
  host?: string;
  /** HTTP server timeouts and connection cap. */
  server?: ServerLimits;
  /** How long `close()` waits for in-flight requests before cutting connections, in ms. @default 10000 */
  shutdownTimeoutMs?: number;
  /**
   * Lets the embedded emulator fetch image URLs on loopback and private addresses (local
   * development only: anyone who can query the gateway could then read services only this
   * machine can reach). Ignored with `visionEndpoint`. Env: `EMULATOR_ALLOW_PRIVATE_URLS=1`.
   * @default false
   */
  allowPrivateUrls?: boolean;
}

export const DEFAULT_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5_000,
  maxTokens: 5_000,
  maxUploadBytes: 4 * 1024 * 1024, // 4 MiB, like Azure
  maxTransactions: 200,
  maxImages: 50,
  maxReadPages: 10,
} as const;

export const DEFAULT_PORT = 4000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SERVER_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 512,
} as const;
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000; // 10 s
export const DEFAULT_READINESS_TIMEOUT_MS = 2_000; // 2 s
export const DEFAULT_EXECUTION_TIMEOUT_MS = 60_000; // 60 s

/** Limits with every default filled in. */
export type ResolvedLimits = Required<GatewayLimits>;

export function resolveLimits(limits: GatewayLimits = {}): ResolvedLimits {
  const maxUploadBytes = limits.maxUploadBytes ?? DEFAULT_LIMITS.maxUploadBytes;
  return {
    maxDepth: limits.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxAliases: limits.maxAliases ?? DEFAULT_LIMITS.maxAliases,
    maxCost: limits.maxCost ?? DEFAULT_LIMITS.maxCost,
    maxTokens: limits.maxTokens ?? DEFAULT_LIMITS.maxTokens,
    maxUploadBytes,
    maxRequestBytes: limits.maxRequestBytes ?? 4 * maxUploadBytes + 1024 * 1024,
    maxTransactions: limits.maxTransactions ?? DEFAULT_LIMITS.maxTransactions,
    maxImages: limits.maxImages ?? DEFAULT_LIMITS.maxImages,
    maxReadPages: limits.maxReadPages ?? DEFAULT_LIMITS.maxReadPages,
  };
}
