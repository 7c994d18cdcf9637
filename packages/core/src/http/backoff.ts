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

/**
 * The wait before retrying after a `Retry-After`: never sooner than the server asked, plus a
 * random spread of up to max(baseDelayMs, 20% of it) (at most maxDelayMs), so the many clients a
 * throttled service told the same thing do not all come back in the same millisecond.
 */
export function retryAfterDelay(
  retryAfterMs: number,
  policy: { baseDelayMs: number; maxDelayMs: number },
  random: () => number,
): number {
  const spread = Math.min(policy.maxDelayMs, Math.max(policy.baseDelayMs, retryAfterMs * 0.2));
  return retryAfterMs + Math.floor(random() * spread);
}
