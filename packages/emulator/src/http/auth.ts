// APIM checks the subscription key before the request reaches the service (CONTRACT.md §1, §6).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AzureErrors } from '../errors/azure-error-factory.js';

export function checkKey(req: IncomingMessage, key: string): void {
  const given = req.headers['ocp-apim-subscription-key'];
  const value = Array.isArray(given) ? given[0] : given;
  if (value === undefined || !sameString(value, key)) throw AzureErrors.unauthorized();
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
