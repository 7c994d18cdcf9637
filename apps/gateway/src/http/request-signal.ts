/**
 * The signal a request's upstream work listens to: the client's own (graphql-yoga fires
 * `request.signal` when the connection closes early) or the execution timeout, whichever comes
 * first. The timer is unref'd, so a finished request leaves nothing keeping the process up.
 */
export function requestSignal(
  clientSignal: AbortSignal | undefined,
  timeoutMs: number,
): AbortSignal {
  const timeout = new AbortController();
  setTimeout(() => {
    timeout.abort(
      new Error(
        `the gateway's execution timeout (GATEWAY_EXECUTION_TIMEOUT_MS, ${timeoutMs} ms) passed`,
      ),
    );
  }, timeoutMs).unref();
  return clientSignal ? AbortSignal.any([clientSignal, timeout.signal]) : timeout.signal;
}
