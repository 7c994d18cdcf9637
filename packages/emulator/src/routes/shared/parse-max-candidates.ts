import { AzureErrors } from '../../errors/azure-error-factory.js';
import type { Query } from '../../http/query.js';
import { parseInteger } from './params.js';

/** `maxCandidates` of /describe: a positive integer, default 1 (a string in the v1.0 spec, same wire). */
export function parseMaxCandidates(query: Query): number {
  const n = parseInteger(query.get('maxCandidates'), 1, 100);
  if (n === 'invalid')
    throw AzureErrors.badArgument('maxCandidates must be an integer between 1 and 100.');
  return n ?? 1;
}
