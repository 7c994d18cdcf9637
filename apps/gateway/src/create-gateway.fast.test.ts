import { parse, validate } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from './create-gateway.js';
import { exampleQuery } from './graphiql/example-query.js';
import { createJsonLogger } from './log/logger.js';

// In-process checks that need no upstream: nothing here gets past the gateway's own layers.
// The upstream is a closed port, so any call that did go out would show up as an error.
const lines: string[] = [];
const gateway = createGateway({
  visionEndpoint: 'http://127.0.0.1:9',
  visionKey: 'in-process-key',
  logger: createJsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
  limits: { maxUploadBytes: 1_000 },
});
afterAll(() => gateway.close());

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  gateway.fetch('http://gw/graphql', {
    method: 'POST',
    body,
    headers: {
      accept: 'application/graphql-response+json',
      'x-graphql-yoga-csrf': '1',
      ...headers,
    },
  });

describe('createGateway (in-process)', () => {
  it('offers an example query that is valid against the served schema (with @defer)', () => {
    const { schema } = gateway.yoga.getEnveloped({});
    expect(
      validate(schema, parse(exampleQuery('http://localhost:4000'))).map((e) => e.message),
    ).toEqual([]);
  });

  it('answers a POST that is neither JSON nor multipart with 415, naming what it got', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [
        { 'content-type': 'application/x-www-form-urlencoded' },
        'Content-Type "application/x-www-form-urlencoded"',
      ],
      [{ 'content-type': 'text/plain' }, 'Content-Type "text/plain"'],
      [{}, 'no Content-Type header'],
    ];
    for (const [headers, named] of cases) {
      const response = await gateway.fetch('http://gw/graphql', {
        method: 'POST',
        // A Blob body sends no Content-Type of its own.
        body: new Blob(['{"query":"{ __typename }"}']),
        headers,
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: `POST /graphql needs Content-Type: application/json (multipart/form-data for uploads); got ${named}.`,
            extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
          },
        ],
      });
    }
    const json = await post('{"query":"{ __typename }"}', {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('says which limit a query is over, not "Syntax Error"', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: models { name }`).join(' ');
    const response = await post(JSON.stringify({ query: `{ ${aliases} }` }), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: unknown }>;
    };
    expect(body.errors.map((e) => [e.message, e.extensions])).toEqual([
      [
        'Aliases limit of 30 exceeded, found 31 (GATEWAY_MAX_ALIASES).',
        { code: 'TOO_MANY_ALIASES' },
      ],
    ]);
  });

  it('points at a bad URL literal in the document', async () => {
    const response = await post(
      JSON.stringify({ query: '{\n  image(url: "not a url") { width }\n}' }),
      {
        'content-type': 'application/json',
      },
    );
    expect(await response.json()).toEqual({
      errors: [
        {
          message: '"not a url" is not an absolute URL',
          locations: [{ line: 2, column: 14 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });

  it('answers /healthz without touching the upstream', async () => {
    const response = await gateway.fetch('http://gw/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses an oversize upload before any resolver runs', async () => {
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: 'query($f: File!) { image(upload: $f) { id caption { text } } }',
        variables: { f: null },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new Blob([new Uint8Array(1_001)]), 'big.jpg');
    const response = await post(form);
    expect(response.status).toBe(413);
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    expect(body.errors[0]?.extensions).toEqual({ code: 'IMAGE_TOO_LARGE', maxBytes: 1_000 });
    expect(lines.join('')).not.toContain('upstream attempt');
  });

  it('logs one request line with the operation name and no key', async () => {
    lines.length = 0;
    await post(JSON.stringify({ query: 'query Typename { __typename }' }), {
      'content-type': 'application/json',
    });
    const requests = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['msg'] === 'request');
    expect(requests).toEqual([
      expect.objectContaining({
        path: '/graphql',
        status: 200,
        operationName: 'Typename',
        upstreamCalls: 0,
      }),
    ]);
    expect(lines.join('')).not.toContain('in-process-key');
  });
});
