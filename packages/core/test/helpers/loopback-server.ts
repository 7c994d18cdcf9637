import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AddressInfo } from 'node:net';

/** A request as the server saw it. */
export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** ms since the server started, when the body had fully arrived. */
  at: number;
}

export type Handler = (req: Recorded, res: ServerResponse, raw: IncomingMessage) => unknown;

export interface Loopback {
  url: string;
  requests: Recorded[];
  /** Highest number of requests being handled at the same time. */
  maxInFlight: number;
  handle(handler: Handler): void;
  reset(): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1:0 whose behaviour each test sets with `handle`. */
export async function startLoopback(): Promise<Loopback> {
  let handler: Handler = (_req, res) => json(res, 200, {});
  const started = performance.now();
  let inFlight = 0;
  const state = { requests: [] as Recorded[], maxInFlight: 0 };
  const server: Server = createServer((raw, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const url = new URL(raw.url ?? '/', 'http://loopback');
      const rec: Recorded = {
        method: raw.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: raw.headers,
        body: Buffer.concat(chunks),
        at: performance.now() - started,
      };
      state.requests.push(rec);
      void Promise.resolve(handler(rec, res, raw)).catch((err: unknown) => {
        res.destroy(err instanceof Error ? err : undefined);
      });
    });
  });
  // Short keep-alive so closing never waits on idle sockets.
  server.keepAliveTimeout = 200;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    handle(h) {
      handler = h;
    },
    reset() {
      state.requests = [];
      state.maxInFlight = 0;
      handler = (_req, res) => json(res, 200, {});
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * Starts a loopback server for the current test file (closed in afterAll, reset before each
 * test). The returned object forwards to it, so it can be declared at module level.
 */
export function useLoopback(): Loopback {
  let real: Loopback | undefined;
  beforeAll(async () => {
    real = await startLoopback();
  });
  afterAll(() => real?.close());
  beforeEach(() => real?.reset());
  const get = (): Loopback => {
    if (!real) throw new Error('loopback server not started yet');
    return real;
  };
  return {
    get url() {
      return get().url;
    },
    get requests() {
      return get().requests;
    },
    get maxInFlight() {
      return get().maxInFlight;
    },
    handle: (h) => get().handle(h),
    reset: () => get().reset(),
    close: () => get().close(),
  };
}
