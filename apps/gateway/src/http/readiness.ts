/** What `/readyz` reports. */
export type Readiness = { ready: true } | { ready: false; reason: string; message: string };

interface ModelsLister {
  listModels(options: { signal?: AbortSignal }): Promise<unknown>;
}

/**
 * Ready means the upstream answers `GET /vision/v3.2/models`: the cheapest authenticated call
 * (no image, no billing), so it also catches a wrong key. Concurrent probes share one call.
 */
export function createReadinessCheck(
  client: ModelsLister,
  timeoutMs: number,
): () => Promise<Readiness> {
  let pending: Promise<Readiness> | undefined;
  const probe = async (): Promise<Readiness> => {
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
  if (result.ready) return Response.json({ status: 'ready', upstream: 'ok' }, { headers });
  return Response.json(
    { status: 'unavailable', upstream: { reason: result.reason, message: result.message } },
    { status: 503, headers },
  );
}
