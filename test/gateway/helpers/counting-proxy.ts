import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

// Headers that describe one connection, not the request; fetch sets its own.
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'expect',
]);

/** One request the proxy forwarded. */
export interface ProxiedCall {
  method: string;
  /** Path and query as received, e.g. `/vision/v3.2/analyze?visualFeatures=ImageType`. */
  path: string;
  /** ms since the proxy started, when the request arrived. */
  at: number;
  headers: IncomingHttpHeaders;
}

/** What the proxy answers itself instead of forwarding (a stub of one upstream behaviour). */
export interface StubAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface CountingProxyOptions {
  /** Answers a call itself when this returns an answer; undefined forwards it. */
  answer?: (call: ProxiedCall) => StubAnswer | undefined;
}

export interface CountingProxy {
  url: string;
  calls: ProxiedCall[];
  /** Calls whose path (query left out) ends with `suffix`, e.g. `/v3.2/analyze`. */
  matching(suffix: string): ProxiedCall[];
  close(): Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of the upstream that records every request, so a test can
 * count the calls of several gateway processes together (what Azure would bill). `target` may be
 * a function when the upstream starts after the proxy.
 */
export async function startCountingProxy(
  target: string | (() => string),
  options: CountingProxyOptions = {},
): Promise<CountingProxy> {
  const targetUrl = typeof target === 'string' ? () => target : target;
  const started = performance.now();
  const calls: ProxiedCall[] = [];
  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = req.url ?? '/';
    const call: ProxiedCall = {
      method: req.method ?? 'GET',
      path,
      at: performance.now() - started,
      headers: req.headers,
    };
    calls.push(call);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const stub = options.answer?.(call);
    if (stub) {
      const headers = { 'content-type': 'application/json', ...stub.headers };
      res.writeHead(stub.status, headers).end(JSON.stringify(stub.body));
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (HOP_BY_HOP.has(name) || value === undefined) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    try {
      const upstream = await fetch(new URL(path, targetUrl()), {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (
          name !== 'content-encoding' &&
          name !== 'content-length' &&
          name !== 'transfer-encoding'
        )
          out[name] = value;
      });
      res.writeHead(upstream.status, out).end(body);
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
    }
  };
  const server = createServer((req, res) => {
    forward(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    matching: (suffix) => calls.filter((c) => (c.path.split('?')[0] ?? '').endsWith(suffix)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
