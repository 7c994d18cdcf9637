/**
 * Full-jitter exponential backoff: a uniform random delay in
 * [0, min(maxDelayMs, baseDelayMs * 2^(retry-1))]. Jitter spreads retries of many clients
 * that failed together, so they do not hit the service again in lockstep.
 */
export function backoffDelay(
  retry: number,
  policy: { baseDelayMs: number; maxDelayMs: number },
  random: () => number,
): number {
  const { baseDelayMs, maxDelayMs } = policy;
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
