// Azure answers every call with a request id header; we send both names clients look for.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export function assignRequestId(res: ServerResponse): string {
  const id = randomUUID();
  res.setHeader('apim-request-id', id);
  res.setHeader('x-ms-request-id', id);
  return id;
}
