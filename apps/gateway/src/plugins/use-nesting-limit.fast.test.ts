import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../create-gateway.js';
import { createJsonLogger } from '../log/logger.js';
import { MAX_NESTING, nestingOf } from './use-nesting-limit.js';

const gateway = createGateway({
  visionEndpoint: 'http://127.0.0.1:9',
  visionKey: 'nesting-key',
  logger: createJsonLogger({ level: 'silent' }),
});
afterAll(() => gateway.close());

const ask = async (query: string) => {
  const response = await gateway.fetch('http://gw/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions: { code: string } }> };
  return { status: response.status, codes: (body.errors ?? []).map((e) => e.extensions.code) };
};
const nested = (levels: number) => `{ ${'a { '.repeat(levels)}b${' }'.repeat(levels)} }`;

describe('nesting limit', () => {
  it('counts brackets outside strings and comments', () => {
    expect(nestingOf('{ a(b: [[1]]) { c } }')).toBe(4);
    expect(nestingOf('{ a(s: "{{{[[[", t: """ ((( { """) # {{{{{\n }')).toBe(2);
    expect(nestingOf('{ a(s: "\\"{{{") }')).toBe(2);
  });

  it('refuses 2,000 nested selections with QUERY_TOO_DEEP instead of overflowing the stack', async () => {
    expect(await ask(nested(2_000))).toEqual({ status: 400, codes: ['QUERY_TOO_DEEP'] });
  });

  it('leaves documents at the limit to the depth rule and validation', async () => {
    const atLimit = await ask(nested(MAX_NESTING - 1));
    expect(atLimit.status).toBe(400);
    expect(atLimit.codes).not.toContain('INTERNAL_SERVER_ERROR');
    expect(await ask('{ __typename }')).toEqual({ status: 200, codes: [] });
  });
});
