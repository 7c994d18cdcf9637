// Each graphql-armor limit answers with its own code, taken from the protection that rejected
// the query (armor's errors carry no code of their own).
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../create-gateway.js';
import { createJsonLogger } from '../log/logger.js';

// The upstream is a closed port: nothing here may get past the gateway's own layers.
const gateway = createGateway({
  visionEndpoint: 'http://127.0.0.1:9',
  visionKey: 'in-process-key',
  logger: createJsonLogger({ level: 'silent' }),
  limits: { maxDepth: 3, maxAliases: 2, maxCost: 20, maxTokens: 1_000 },
});
afterAll(() => gateway.close());

async function codesOf(query: string): Promise<{ status: number; codes: unknown[] }> {
  const res = await gateway.fetch('http://gw/graphql', {
    method: 'POST',
    body: JSON.stringify({ query }),
    headers: {
      accept: 'application/graphql-response+json',
      'content-type': 'application/json',
    },
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: unknown } }[] };
  return { status: res.status, codes: (body.errors ?? []).map((e) => e.extensions?.code) };
}

const URL_ARG = 'url: "http://127.0.0.1:9/a.jpg"';

describe('graphql-armor limits', () => {
  it.each([
    ['QUERY_TOO_DEEP', `{ image(${URL_ARG}) { faces { rectangle { x } } } }`],
    [
      'TOO_MANY_ALIASES',
      `{ a: image(${URL_ARG}) { id } b: image(${URL_ARG}) { id } c: image(${URL_ARG}) { id } }`,
    ],
    [
      'QUERY_TOO_COSTLY',
      `{ images(urls: ["http://127.0.0.1:9/a.jpg"]) { tags { name confidence } objects { name confidence } faces { age gender } categories { name score } color { dominantColors accentColor } } }`,
    ],
    ['QUERY_TOO_LARGE', `{ ${'__typename '.repeat(1_001)}}`],
    ['TOO_MANY_DIRECTIVES', `{ __typename ${'@skip(if: false) '.repeat(51)}}`],
  ])('answers 400 with %s', async (code, query) => {
    expect(await codesOf(query)).toEqual({ status: 400, codes: [code] });
  });

  it('leaves a query within every limit alone', async () => {
    expect(await codesOf('{ __typename }')).toEqual({ status: 200, codes: [] });
  });
});
