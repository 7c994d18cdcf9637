import type { RequestScope } from '../log/request-scope.js';

const clientLeft = () => new DOMException('The client closed the connection', 'AbortError');
const timeoutError = (timeoutMs: number) =>
  new Error(
    `the gateway's execution timeout (GATEWAY_EXECUTION_TIMEOUT_MS, ${timeoutMs} ms) passed`,
  );

/**
 * The signal a Node request's upstream work listens to: aborted when the client leaves before
 * its response ends or when the execution timeout passes, whichever comes first. One controller
 * and one timer; the response's `close` ({@link endUpstreamWork}) aborts it or clears the timer.
 * Cheaper than combining yoga's `request.signal` with a timeout signal (`AbortSignal.any` made
 * yoga create a native controller for every request, and the timers lived on for the whole
 * timeout after the answer, into the old generation).
 */
export function upstreamWorkSignal(scope: RequestScope, timeoutMs: number): AbortSignal {
  if (scope.work) return scope.work.signal;
  if (scope.clientLeft) return AbortSignal.abort(clientLeft());
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeoutError(timeoutMs)), timeoutMs);
  timer.unref();
  scope.work = {
    signal: controller.signal,
    end(left) {
      clearTimeout(timer);
      if (left) controller.abort(clientLeft());
    },
  };
  return controller.signal;
}

/** Ends the request's upstream work when its response closes: the client left, or it is done. */
export function endUpstreamWork(scope: RequestScope, clientLeftEarly: boolean): void {
  scope.clientLeft = clientLeftEarly;
  scope.work?.end(clientLeftEarly);
}

/**
 * The same for an in-process request (`gateway.fetch`), whose end the gateway does not see: the
 * caller's signal, when it has one, or the execution timeout.
 */
export function requestSignal(
  clientSignal: AbortSignal | undefined,
  timeoutMs: number,
): AbortSignal {
  const timeout = new AbortController();
  setTimeout(() => timeout.abort(timeoutError(timeoutMs)), timeoutMs).unref();
  return clientSignal ? AbortSignal.any([clientSignal, timeout.signal]) : timeout.signal;
}
