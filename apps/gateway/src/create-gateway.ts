import type { IncomingMessage, ServerResponse } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { armorConfig } from './errors/armor-limits.js';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { createVisionClient, type VisionClient } from '@visiongraph/core';
import {
  createContext,
  createVisionApiSetting,
  schema,
  type SchemaContext,
} from '@visiongraph/schema';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import {
  DEFAULT_EXECUTION_TIMEOUT_MS,
  DEFAULT_READINESS_TIMEOUT_MS,
  resolveLimits,
  type CreateGatewayOptions,
  type ResolvedLimits,
} from './config/gateway-options.js';
import { validateOptions } from './config/validate-options.js';
import { maskError } from './errors/mask-error.js';
import { exampleQuery } from './graphiql/example-query.js';
import { renderOfflineGraphiQL } from './graphiql/render-offline.js';
import { corsFor } from './http/cors.js';
import { exampleBytesFor } from './http/example-bytes.js';
import { createReadinessCheck } from './http/readiness.js';
import { endUpstreamWork, requestSignal, upstreamWorkSignal } from './http/upstream-work.js';
import { createJsonLogger, type Logger } from './log/logger.js';
import { createAttemptLogger, logRequest } from './log/request-log.js';
import {
  bindScope,
  countAttempt,
  newRequestScope,
  SCOPE_FIELD,
  scopeOf,
} from './log/request-scope.js';
import { toYogaLogger } from './log/yoga-logger.js';
import { DEFAULT_EXAMPLES_DIR, DEFAULT_PLAYGROUND_DIR } from './paths.js';
import { KNOWN_LENGTH, useBodyLimit } from './plugins/use-body-limit.js';
import { useContentTypeCheck } from './plugins/use-content-type-check.js';
import { useRequestScope } from './plugins/use-request-scope.js';
import { useRetryAfter } from './plugins/use-retry-after.js';
import { useRoutes } from './plugins/use-routes.js';
import { useTransactionBudget } from './plugins/use-transaction-budget.js';
import { useNestingLimit } from './plugins/use-nesting-limit.js';
import { useUploadLimit } from './plugins/use-upload-limit.js';
import { createGatewayMetrics } from './metrics/gateway-metrics.js';
import { useMetrics } from './metrics/use-metrics.js';
import { createSharedState } from './store/shared-state.js';
import { useTracing } from './tracing/use-tracing.js';
import type { RedisStore } from './store/redis-store.js';

export const GRAPHQL_ENDPOINT = '/graphql';
/**
 * The header GET and multipart requests must carry (any value), e.g. `x-graphql-yoga-csrf: 1`:
 * yoga's CSRF prevention. JSON POSTs need none (browsers preflight them).
 */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** What {@link createGateway} returns. It never listens; mount `handler` or call `fetch`. */
export interface Gateway {
  /** The yoga instance (for plugins' and tests' introspection). */
  yoga: YogaServerInstance<Record<string, unknown>, SchemaContext>;
  /** Node `http` request listener: `createServer(gateway.handler)`. Logs one line per request. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** WHATWG fetch handler, for in-process use: `await gateway.fetch('http://gw/graphql', init)`. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** The limits in force, defaults filled in. */
  limits: ResolvedLimits;
  logger: Logger;
  /** The shared Redis store, when `store` was given. */
  store: RedisStore | undefined;
  /** Releases the upstream client's and the store's connections. Does not touch any HTTP server. */
  close(): Promise<void>;
}

/**
 * Builds the GraphQL gateway over an upstream Vision endpoint: schema, @defer, uploads, limits,
 * masked errors, health, static files and request logs.
 * @throws {ConfigError} when an option is invalid (the message names it).
 * @example
 * const gateway = createGateway({ visionEndpoint: emu.url, visionKey: emu.key });
 * http.createServer(gateway.handler).listen(4000);
 */
export function createGateway(options: CreateGatewayOptions): Gateway {
  validateOptions(options);
  const limits = resolveLimits(options.limits);
  const logger =
    options.logger ??
    createJsonLogger({ level: options.logLevel ?? 'info', secrets: [options.visionKey] });
  // One cache for the server's lifetime (on Redis when `store` is set); without it every
  // request starts cold.
  const metrics = options.metrics === false ? undefined : createGatewayMetrics();
  const shared = createSharedState(options, logger, metrics?.observers);
  const { store } = shared;
  const cache = metrics && shared.cache ? metrics.countCache(shared.cache) : shared.cache;
  const logAttempt = createAttemptLogger(logger);
  const client: VisionClient = createVisionClient({
    ...options.vision,
    ...(shared.rateLimiter && { rateLimit: shared.rateLimiter }),
    endpoint: options.visionEndpoint,
    key: options.visionKey,
    onAttempt: metrics
      ? (event) => {
          logAttempt(event);
          metrics.onAttempt(event);
        }
      : logAttempt,
  });
  metrics?.watchClient(() => client.stats());
  const executionTimeoutMs = options.executionTimeoutMs ?? DEFAULT_EXECUTION_TIMEOUT_MS;
  // One setting per server: what auto mode learns about the resource holds for every request.
  const visionApi = createVisionApiSetting(options.visionApi ?? '3.2');
  const checkReadiness = createReadinessCheck(
    client,
    options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
    logger,
    store && (() => store.health()),
  );

  const examplesDir = options.examplesDir ?? DEFAULT_EXAMPLES_DIR;
  const yoga = createYoga<Record<string, unknown>, SchemaContext>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    landingPage: false,
    cors: corsFor(options.corsOrigins ?? []),
    logging: toYogaLogger(logger),
    maskedErrors: { maskError },
    // useBodyLimit enforces limits.maxRequestBytes instead, without streaming every body.
    maxRequestBodySize: false,
    // GraphiQL with its scripts inlined (works offline), loaded on first use.
    renderGraphiQL: renderOfflineGraphiQL,
    graphiql:
      options.graphiql === false
        ? false
        : (request) => ({
            title: 'visiongraph',
            defaultQuery: exampleQuery(new URL(request.url).origin),
          }),
    // The request's signal reaches every upstream call through the loaders: a client that leaves
    // or a request over the execution timeout stops the work nobody else waits for.
    // The request's scope counts its upstream attempts (those of its DataLoader batches).
    context: (initial) => {
      const { request } = initial;
      const scope = scopeOf(initial);
      return createContext({
        client: scope ? client.withAttemptObserver((event) => countAttempt(scope, event)) : client,
        visionApi,
        ...(cache ? { cache } : {}),
        localImage: exampleBytesFor(examplesDir, request.url, limits.maxUploadBytes),
        signal:
          scope && initial['req']
            ? upstreamWorkSignal(scope, executionTimeoutMs)
            : requestSignal(request.signal, executionTimeoutMs),
        readPageLimit: limits.maxReadPages,
      });
    },
    plugins: [
      ...(metrics ? [useMetrics(metrics, GRAPHQL_ENDPOINT)] : []),
      useTracing(),
      useRoutes({
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        playgroundDir: options.playgroundDir ?? DEFAULT_PLAYGROUND_DIR,
        examplesDir,
        checkReadiness,
      }),
      useRequestScope(),
      useRetryAfter(),
      useContentTypeCheck(),
      // A GET, or a POST a plain HTML form could send (multipart, urlencoded, text/plain),
      // executes only with a header no cross-site form or <img> can set: browsers preflight
      // it, and the CORS policy above turns foreign origins away.
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      useBodyLimit(limits.maxRequestBytes),
      useUploadLimit(limits.maxUploadBytes),
      useNestingLimit(),
      useDeferStream(),
      EnvelopArmorPlugin(armorConfig(limits)),
      useTransactionBudget({
        maxTransactions: limits.maxTransactions,
        maxImages: limits.maxImages,
        readPageLimit: limits.maxReadPages,
      }),
      ...(options.plugins ?? []),
    ],
  });

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const scope = newRequestScope();
    bindScope(req, scope);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    metrics?.requestStarted();
    // 'close' fires after the last byte of a streamed (@defer) response, or when the client leaves.
    res.once('close', () => {
      const aborted = !res.writableFinished;
      endUpstreamWork(scope, aborted);
      metrics?.requestEnded();
      logRequest(logger, scope, {
        method: req.method ?? 'GET',
        path,
        status: res.statusCode,
        aborted,
      });
    });
    void yoga.requestListener(req, res);
  };

  const fetchHandler = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const scope = newRequestScope();
    // A URL goes to yoga as it is: yoga's own Request is far lighter than Node's global one
    // (building the global one here cost ~0.5 ms per request, most of it in reading its body).
    const request = input instanceof Request && init ? new Request(input, init) : input;
    const context = { [SCOPE_FIELD]: scope };
    const answer = () => {
      if (request instanceof Request) return yoga.fetch(request, context);
      if (!init) return yoga.fetch(String(request), context);
      if (typeof init.body !== 'string') return yoga.fetch(String(request), init, context);
      // A string body's exact length is known here, so the body limit need not count it.
      const headers = new Headers(init.headers);
      headers.set('content-length', String(Buffer.byteLength(init.body)));
      return yoga.fetch(
        String(request),
        { ...init, headers },
        { ...context, [KNOWN_LENGTH]: true },
      );
    };
    const response = await answer();
    const method =
      request instanceof Request ? request.method : (init?.method ?? 'GET').toUpperCase();
    const path = new URL(request instanceof Request ? request.url : request).pathname;
    // In-process callers get the response as soon as its head is ready; the line reports that.
    logRequest(logger, scope, { method, path, status: response.status });
    return response;
  };

  return {
    yoga,
    handler,
    fetch: fetchHandler,
    limits,
    logger,
    store,
    async close() {
      await client.close();
      await shared.close();
    },
  };
}
