// Writes a route's reply. Errors and successes go through the same two functions so every
// response carries the request id header set earlier by the pipeline.
import type { ServerResponse } from 'node:http';

export type Reply =
  | { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
  | {
      kind: 'bytes';
      status?: number;
      body: Buffer;
      contentType: string;
      headers?: Record<string, string>;
    }
  | { kind: 'empty'; status: number; headers?: Record<string, string> };

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.statusCode = reply.kind === 'empty' ? reply.status : (reply.status ?? 200);
  if (reply.kind === 'json') {
    const text = JSON.stringify(reply.body);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
  } else if (reply.kind === 'bytes') {
    res.setHeader('Content-Type', reply.contentType);
    res.setHeader('Content-Length', reply.body.length);
    res.end(reply.body);
  } else {
    res.setHeader('Content-Length', 0);
    res.end();
  }
}
