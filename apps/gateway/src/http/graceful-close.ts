import type { Server } from 'node:http';

/**
 * Makes `close(timeoutMs)` graceful: stop accepting connections, let requests in flight finish
 * (a streamed @defer response included), close keep-alive connections as they go idle, and cut
 * whatever is still open after `timeoutMs`. Call once, right after creating the server.
 */
export function gracefulCloser(server: Server): (timeoutMs: number) => Promise<void> {
  let closing: Promise<void> | undefined;
  let draining = false;

  server.on('request', (_req, res) => {
    // A request arriving on a kept-alive connection during shutdown is still served, once.
    if (draining && !res.headersSent) res.setHeader('connection', 'close');
    res.once('finish', () => {
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return (timeoutMs) => {
    closing ??= new Promise<void>((resolve, reject) => {
      draining = true;
      const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
      timer.unref();
      server.close((error) => {
        clearTimeout(timer);
        if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING')
          reject(error);
        else resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
}
