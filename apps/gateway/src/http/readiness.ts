import type { Logger } from '../log/logger.js';

/** The shared store's state (only with a store); never a reason to be unready. */
export type StoreReadiness = 'ok' | { status: 'unavailable' };

/**
 * What `/readyz` reports: ready, or which dependency is not, and nothing more. The reasons stay
 * in the server's log: an unauthenticated probe must not learn the upstream's or the store's
 * address, errors or body.
 */
export type Readiness = ({ ready: true } | { ready: false; dependency: 'upstream' }) & {
  store?: StoreReadiness;
};

type StoreCheck = () => Promise<{ ok: true } | { ok: false; reason: string }>;

interface ModelsLister {
  listModels(options: { signal?: AbortSignal }): Promise<unknown>;
}

/**
 * Ready means the upstream answers `GET /vision/v3.2/models`: the cheapest authenticated call
 * (no image, no billing), so it also catches a wrong key. Concurrent probes share one call.
 * The shared store is reported beside it but does not decide readiness: without it a replica
 * still answers (each on its own), and taking every replica out when Redis fails would turn a
 * slower service into none.
 */
export function createReadinessCheck(
  client: ModelsLister,
  timeoutMs: number,
  logger: Logger,
  checkStore?: StoreCheck,
): () => Promise<Readiness> {
  let pending: Promise<Readiness> | undefined;
  const probe = async (): Promise<Readiness> => {
    if (!checkStore) return probeUpstream();
    const [upstream, store] = await Promise.all([probeUpstream(), probeStore(checkStore)]);
    return { ...upstream, store };
  };
  const probeStore = async (check: StoreCheck): Promise<StoreReadiness> => {
    const health = await check();
    if (health.ok) return 'ok';
    logger.warn('the shared store did not answer its health check', { reason: health.reason });
    return { status: 'unavailable' };
  };
  const probeUpstream = async (): Promise<Readiness> => {
    try {
      await client.listModels({ signal: AbortSignal.timeout(timeoutMs) });
      return { ready: true };
    } catch (error) {
      const { kind, code, message } = error as { kind?: string; code?: string; message?: string };
      logger.warn('not ready: the upstream did not answer its models route', {
        reason: kind ?? code ?? 'unknown',
        error: message ?? String(error),
      });
      return { ready: false, dependency: 'upstream' };
    }
  };
  return () => {
    pending ??= probe().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

export function healthResponse(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}

export async function readinessResponse(check: () => Promise<Readiness>): Promise<Response> {
  const result = await check();
  const headers = { 'cache-control': 'no-store' };
  const store = result.store === undefined ? {} : { store: result.store };
  if (result.ready) return Response.json({ status: 'ready', ...store }, { headers });
  return Response.json(
    { status: 'unavailable', dependency: result.dependency, ...store },
    { status: 503, headers },
  );
}
