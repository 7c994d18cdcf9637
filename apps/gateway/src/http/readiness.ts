/** The shared store's state (only with a store); never a reason to be unready. */
export type StoreReadiness = 'ok' | { status: 'unavailable'; reason: string };

/** What `/readyz` reports. */
export type Readiness = ({ ready: true } | { ready: false; reason: string; message: string }) & {
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
    return health.ok ? 'ok' : { status: 'unavailable', reason: health.reason };
  };
  const probeUpstream = async (): Promise<Readiness> => {
    try {
      await client.listModels({ signal: AbortSignal.timeout(timeoutMs) });
      return { ready: true };
    } catch (error) {
      const { kind, code, message } = error as { kind?: string; code?: string; message?: string };
      return { ready: false, reason: kind ?? code ?? 'unknown', message: message ?? String(error) };
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
  if (result.ready)
    return Response.json({ status: 'ready', upstream: 'ok', ...store }, { headers });
  return Response.json(
    {
      status: 'unavailable',
      upstream: { reason: result.reason, message: result.message },
      ...store,
    },
    { status: 503, headers },
  );
}
