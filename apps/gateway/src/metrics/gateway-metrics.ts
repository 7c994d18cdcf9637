import type { AttemptEvent, VisionClientStats } from '@visiongraph/core';
import type { FeatureCache } from '@visiongraph/schema';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SharedStateObservers } from '../store/shared-state.js';
import {
  attemptStatus,
  featureOfKey,
  transactionsOf,
  transactionsSavedBy,
} from './metric-labels.js';

/** Where a GraphQL request ended: answered, answered with errors, or refused before executing. */
export type RequestOutcome = 'ok' | 'error' | 'rejected';

export interface GatewayMetrics {
  registry: Registry;
  /** Prometheus text exposition of every metric. */
  render(): Promise<string>;
  contentType: string;
  observers: SharedStateObservers;
  onAttempt(event: AttemptEvent): void;
  /** The same cache, counting hits, joins and fetches by feature. */
  countCache(cache: FeatureCache): FeatureCache;
  requestStarted(): void;
  requestEnded(): void;
  graphqlRequest(
    labels: { type: string; root: string; outcome: RequestOutcome },
    seconds: number,
  ): void;
  /** Read at scrape time: attempts in flight and the circuit state. */
  watchClient(stats: () => VisionClientStats): void;
}

const CIRCUIT_STATES = ['closed', 'open', 'half-open', 'off'] as const;

/** One registry per gateway (not prom-client's global one), so several can live in one process. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const reg = { registers: [registry] };

  const requests = new Counter({
    name: 'visiongraph_graphql_requests_total',
    help: 'GraphQL requests by operation type, first root field and outcome (ok, error, rejected).',
    labelNames: ['type', 'root', 'outcome'] as const,
    ...reg,
  });
  const duration = new Histogram({
    name: 'visiongraph_graphql_request_duration_seconds',
    help: 'Time from request to response head, by operation type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    ...reg,
  });
  const inFlight = new Gauge({
    name: 'visiongraph_http_requests_in_flight',
    help: 'HTTP requests being answered.',
    ...reg,
  });
  const attempts = new Counter({
    name: 'visiongraph_upstream_attempts_total',
    help: 'Upstream HTTP attempts by client operation and status (HTTP code or failure kind).',
    labelNames: ['operation', 'status'] as const,
    ...reg,
  });
  const retries = new Counter({
    name: 'visiongraph_upstream_retries_total',
    help: 'Upstream attempts that were followed by a retry, by operation.',
    labelNames: ['operation'] as const,
    ...reg,
  });
  const attemptSeconds = new Histogram({
    name: 'visiongraph_upstream_attempt_duration_seconds',
    help: 'Duration of one upstream attempt, by operation.',
    labelNames: ['operation'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    ...reg,
  });
  const spent = new Counter({
    name: 'visiongraph_transactions_spent_total',
    help: 'Azure transactions billed by answered upstream calls (read counted once per submission).',
    labelNames: ['operation'] as const,
    ...reg,
  });
  const saved = new Counter({
    name: 'visiongraph_transactions_saved_total',
    help: 'Azure transactions not spent because the cache or a fetch in flight answered.',
    labelNames: ['feature'] as const,
    ...reg,
  });
  const lookups = new Counter({
    name: 'visiongraph_cache_lookups_total',
    help: 'Feature lookups by feature and result: hit (cached), joined (a fetch in flight), fetched.',
    labelNames: ['feature', 'result'] as const,
    ...reg,
  });
  const storeErrors = new Counter({
    name: 'visiongraph_store_errors_total',
    help: 'Redis commands that failed or timed out (the gateway went on without the store).',
    labelNames: ['operation'] as const,
    ...reg,
  });
  const storeUp = new Gauge({
    name: 'visiongraph_store_up',
    help: '1 while the shared store is in use, 0 while it is skipped.',
    ...reg,
  });
  const claims = new Counter({
    name: 'visiongraph_store_claims_total',
    help: 'Shared-store claims: owner, joined (another replica fetched), taken_over, local.',
    labelNames: ['outcome'] as const,
    ...reg,
  });
  const rateWaits = new Histogram({
    name: 'visiongraph_rate_limit_wait_seconds',
    help: 'Waits imposed by the upstream rate limit (VISION_MAX_RPS); _count is the number of waits.',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    ...reg,
  });
  let clientStats: (() => VisionClientStats) | undefined;
  new Gauge({
    name: 'visiongraph_upstream_in_flight',
    help: 'Upstream attempts in flight and waiting for a connection slot.',
    labelNames: ['state'] as const,
    ...reg,
    collect() {
      const stats = clientStats?.();
      this.set({ state: 'sending' }, stats?.inFlight ?? 0);
      this.set({ state: 'queued' }, stats?.queued ?? 0);
    },
  });
  new Gauge({
    name: 'visiongraph_upstream_circuit_state',
    help: "1 for the upstream circuit breaker's current state (closed, open, half-open, off).",
    labelNames: ['state'] as const,
    ...reg,
    collect() {
      const current = clientStats?.().circuit ?? 'off';
      for (const state of CIRCUIT_STATES) this.set({ state }, state === current ? 1 : 0);
    },
  });

  const counted = (feature: string, result: 'hit' | 'joined', value: unknown) => {
    lookups.inc({ feature, result });
    const n = transactionsSavedBy(feature, value);
    if (n > 0) saved.inc({ feature }, n);
  };

  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    observers: {
      storeError: (operation) => storeErrors.inc({ operation }),
      storeUp: (up) => storeUp.set(up ? 1 : 0),
      claim: (outcome) => claims.inc({ outcome }),
      rateLimitWait: (ms) => rateWaits.observe(ms / 1000),
    },
    onAttempt(event) {
      const operation = event.operation;
      attempts.inc({ operation, status: attemptStatus(event) });
      attemptSeconds.observe({ operation }, event.durationMs / 1000);
      if (event.willRetry) retries.inc({ operation });
      const n = transactionsOf(event);
      if (n > 0) spent.inc({ operation }, n);
    },
    countCache(cache) {
      return {
        async get(key) {
          const hit = await cache.get(key);
          if (hit) counted(featureOfKey(key), 'hit', hit.value);
          return hit;
        },
        set: (key, entry, options) => cache.set(key, entry, options),
        async claim(key, pending) {
          const claim = await cache.claim(key, pending);
          const feature = featureOfKey(key);
          if (claim.owner) lookups.inc({ feature, result: 'fetched' });
          else
            claim.pending.then(
              (value) => counted(feature, 'joined', value),
              () => undefined,
            );
          return claim;
        },
      };
    },
    requestStarted: () => inFlight.inc(),
    requestEnded: () => inFlight.dec(),
    graphqlRequest(labels, seconds) {
      requests.inc(labels);
      duration.observe({ type: labels.type, outcome: labels.outcome }, seconds);
    },
    watchClient(stats) {
      clientStats = stats;
    },
  };
}
