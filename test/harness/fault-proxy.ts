// A fault-injecting HTTP proxy for tests: it sits on loopback between the gateway and the
// emulator and, by path, method and ratio, answers for the upstream (429, 503, garbage), cuts
// the connection, never answers, or forwards and then mangles the upstream's answer (truncated,
// trickled). The choice of fault is drawn from a seeded PRNG, so a storm is repeatable.
import { createHash } from 'node:crypto';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from './prng.js';

export type Fault =
  /** Answered by the proxy with this status (and `Retry-After` when given); not forwarded. */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** The connection is destroyed as soon as the request arrived; not forwarded. */
  | { kind: 'reset' }
  /** The request is never answered (until the client gives up or the proxy closes). */
  | { kind: 'hang' }
  /** 200 with random bytes labelled as JSON; not forwarded. */
  | { kind: 'garbage' }
  /** Forwarded; the upstream's answer is cut half way through its body and the socket destroyed. */
  | { kind: 'truncate' }
  /** Forwarded; the upstream's body is sent `chunkBytes` at a time, `delayMs` apart. */
  | { kind: 'slow'; chunkBytes: number; delayMs: number };

export type FaultKind = Fault['kind'];

export interface FaultRule {
  /** Matched against the request path (with its query). @default every path */
  path?: RegExp;
  /** @default every method */
  method?: string;
  /** Share of the matching requests that get the fault, 0..1. */
  ratio: number;
  fault: Fault;
}

export interface ProxyStats {
  /** Requests that reached the proxy. */
  requests: number;
  /** Requests passed on to the upstream (faulted or not). */
  forwarded: number;
  /** Faults injected, by kind (a 429 and a 503 are both `status`, so they are named `status 429`). */
  injected: Record<string, number>;
  /** Every request in arrival order: when (performance.now() ms), method and path. */
  log: Array<{ at: number; method: string; path: string }>;
  /**
   * Read submissions (`POST …/read/analyze`) the upstream received, by SHA-256 of their body:
   * more than one for the same body means the same text was submitted twice.
   */
  readSubmissions: Map<string, number>;
}

export interface FaultProxy {
  url: string;
  stats: ProxyStats;
  /** Replaces the rules and reseeds the PRNG; counters are reset too. */
  configure(rules: FaultRule[], seed: number): void;
  /** Largest number of requests that arrived within any `windowMs` window. */
  peakRequests(windowMs: number): number;
  /** Requests so far whose method and path match. */
  countRequests(method: string, path: RegExp): number;
  /** Sum over read bodies of (submissions - 1): texts submitted more than once. */
  duplicateReads(): number;
  close(): Promise<void>;
}

const emptyStats = (): ProxyStats => ({
  requests: 0,
  forwarded: 0,
  injected: {},
  log: [],
  readSubmissions: new Map(),
});

export async function startFaultProxy(options: {
  target: string;
  rules?: FaultRule[];
  seed?: number;
}): Promise<FaultProxy> {
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let rules = options.rules ?? [];
  let random = seededRandom(options.seed ?? 1);
  let stats = emptyStats();
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const pickFault = (req: IncomingMessage): Fault | undefined => {
    for (const rule of rules) {
      if (rule.method && rule.method !== req.method) continue;
      if (rule.path && !rule.path.test(req.url ?? '')) continue;
      // One draw per matching rule keeps the sequence a function of the seed and arrival order.
      if (random() < rule.ratio) return rule.fault;
    }
    return undefined;
  };

  const count = (fault: Fault) => {
    const name = fault.kind === 'status' ? `status ${fault.status}` : fault.kind;
    stats.injected[name] = (stats.injected[name] ?? 0) + 1;
  };

  const server = createServer((req, res) => {
    stats.requests += 1;
    stats.log.push({ at: performance.now(), method: req.method ?? '', path: req.url ?? '' });
    const fault = pickFault(req);
    if (fault) count(fault);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      switch (fault?.kind) {
        case 'status': {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
          const code = String(fault.status);
          res.writeHead(fault.status, headers);
          res.end(JSON.stringify({ error: { code, message: `injected ${code}` } }));
          return;
        }
        case 'reset':
          req.socket.destroy();
          return;
        case 'hang':
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        case 'garbage': {
          const junk = Buffer.alloc(64 + Math.floor(random() * 512));
          for (let i = 0; i < junk.length; i += 1) junk[i] = Math.floor(random() * 256);
          res.writeHead(200, { 'content-type': 'application/json' }).end(junk);
          return;
        }
        default:
          forward(req, body, res, fault);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
    fault: Fault | undefined,
  ) => {
    stats.forwarded += 1;
    if (req.method === 'POST' && /\/read\/analyze(\?|$)/i.test(req.url ?? '')) {
      const key = createHash('sha256').update(body).digest('hex');
      stats.readSubmissions.set(key, (stats.readSubmissions.get(key) ?? 0) + 1);
    }
    const headers = { ...req.headers, host: target.host };
    delete headers['content-length'];
    delete headers.connection;
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...headers, 'content-length': String(body.length) },
        agent,
      },
      (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('error', () => res.destroy());
        answer.on('end', () => {
          const payload = Buffer.concat(parts);
          const outHeaders = { ...answer.headers };
          delete outHeaders['transfer-encoding'];
          delete outHeaders.connection;
          outHeaders['content-length'] = String(payload.length);
          // Operation-Location names the host the emulator saw (the proxy's target); point polls
          // back at the proxy so they cross it too.
          const location = outHeaders['operation-location'];
          if (typeof location === 'string') {
            outHeaders['operation-location'] = location.replace(target.origin, proxyUrl);
          }
          res.writeHead(answer.statusCode ?? 502, outHeaders);
          if (fault?.kind === 'truncate') {
            res.write(payload.subarray(0, Math.floor(payload.length / 2)));
            // Give the half body time to leave before the cut, so the client sees a short body.
            setTimeout(() => res.socket?.destroy(), 5);
          } else if (fault?.kind === 'slow') {
            trickle(res, payload, fault.chunkBytes, fault.delayMs);
          } else {
            res.end(payload);
          }
        });
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: proxyUrl,
    get stats() {
      return stats;
    },
    configure(next, seed) {
      rules = next;
      random = seededRandom(seed);
      stats = emptyStats();
    },
    peakRequests(windowMs) {
      const times = stats.log.map((entry) => entry.at);
      let peak = 0;
      let start = 0;
      for (let end = 0; end < times.length; end += 1) {
        while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start += 1;
        peak = Math.max(peak, end - start + 1);
      }
      return peak;
    },
    countRequests(method, path) {
      return stats.log.filter((entry) => entry.method === method && path.test(entry.path)).length;
    },
    duplicateReads() {
      let duplicates = 0;
      for (const n of stats.readSubmissions.values()) duplicates += n - 1;
      return duplicates;
    },
    async close() {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function trickle(res: ServerResponse, payload: Buffer, chunkBytes: number, delayMs: number) {
  let offset = 0;
  const next = () => {
    if (res.destroyed) return;
    if (offset >= payload.length) {
      res.end();
      return;
    }
    res.write(payload.subarray(offset, offset + chunkBytes));
    offset += chunkBytes;
    setTimeout(next, delayMs);
  };
  next();
}
