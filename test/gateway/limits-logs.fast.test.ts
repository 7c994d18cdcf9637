import { describe, expect, it } from 'vitest';
import { stubEmulator, useStack, TEST_KEY } from './helpers/stack.js';

// The stub backend (no models): limits and log lines do not depend on what is analysed.
const stack = useStack({ limits: { maxDepth: 5, maxAliases: 3, maxCost: 50 } }, stubEmulator());

describe('query limits', { timeout: 120_000 }, () => {
  it('rejects a query deeper than maxDepth with QUERY_TOO_DEEP, before any upstream call', async () => {
    const deep = `{ image(url: "${stack.image('csdf-objects.jpg')}") { objects { parent { parent { parent { name } } } } } }`;
    const { calls, ...result } = await stack.gqlWithCalls(deep);
    expect(result.status).toBe(400);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['QUERY_TOO_DEEP']);
    expect(result.body.errors?.[0]?.message).toContain('depth limit of 5');
    expect(calls).toEqual([]);
  });

  it('rejects too many aliases with TOO_MANY_ALIASES', async () => {
    const url = stack.image('csdf-dog.jpg');
    const aliased = `{ a: image(url: "${url}") { id } b: image(url: "${url}") { id } c: image(url: "${url}") { id } d: image(url: "${url}") { id } }`;
    const result = await stack.gql(aliased);
    expect(result.status).toBe(400);
    expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['TOO_MANY_ALIASES']);
  });

  it('rejects a query above the cost limit with QUERY_TOO_COSTLY', async () => {
    const url = stack.image('csdf-dog.jpg');
    const fields =
      'caption { text confidence } tags { name confidence } faces { age gender rectangle { x y width height } } objects { name confidence rectangle { x y width height } }';
    const costly = `{ images(urls: ["${url}"]) { ${fields} color { dominantColors accentColor } categories { name score } } }`;
    const result = await stack.gql(costly);
    expect(result.status).toBe(400);
    expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('hides field suggestions and codes validation errors', async () => {
    const result = await stack.gql(
      `{ image(url: "${stack.image('csdf-dog.jpg')}") { captio { text } } }`,
    );
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.body.errors?.[0]?.message).not.toContain('Did you mean "caption"');
  });

  it('still answers a query within every limit', async () => {
    const result = await stack.gql(
      `query Ok { image(url: "${stack.image('csdf-dog.jpg')}") { caption { text } } }`,
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      data: { image: { caption: { text: 'a 600x450 jpeg image' } } },
    });
    expect(result.body.errors).toBeUndefined();
  });
});

describe('request logs', { timeout: 120_000 }, () => {
  it('writes one JSON line per request with operation name, duration and upstream calls', async () => {
    const query = `query LoggedQuery($a: URL!, $b: URL!) { images(urls: [$a, $b]) { caption { text } } }`;
    const before = stack.logs.length;
    const calls = await stack.callsDuring(() =>
      stack.gql(query, {
        a: stack.image('csdf-landmark.jpg'),
        b: stack.image('csdf-celebrities.jpg'),
      }),
    );
    const lines = stack.logs
      .slice(before)
      .filter((l) => l['msg'] === 'request' && l['path'] === '/graphql');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({
      level: 'info',
      method: 'POST',
      status: 200,
      operationName: 'LoggedQuery',
      operationType: 'query',
    });
    expect(line['durationMs']).toBeGreaterThan(0);
    expect(calls.length).toBe(2);
    expect(line['upstreamCalls']).toBe(calls.length);
    expect(line['upstream']).toEqual({ analyze: 2 });
    // Each upstream attempt has its own debug line, with the emulator's request id.
    const attempts = stack.logs.slice(before).filter((l) => l['msg'] === 'upstream attempt');
    expect(attempts.map((a) => a['operation'])).toEqual(['analyze', 'analyze']);
    expect(attempts.every((a) => typeof a['requestId'] === 'string' && a['status'] === 200)).toBe(
      true,
    );
  });

  it('logs the error codes of a failed request', async () => {
    const before = stack.logs.length;
    await stack.gql(
      `query Broken { image(url: "${stack.image('missing.png')}") { caption { text } } }`,
    );
    const line = stack.logs
      .slice(before)
      .find((l) => l['msg'] === 'request' && l['operationName'] === 'Broken');
    expect(line?.['errorCodes']).toEqual(['INVALID_IMAGE']);
  });

  it('never contains the subscription key', () => {
    expect(stack.rawLogs.length).toBeGreaterThan(10);
    for (const line of stack.rawLogs) expect(line).not.toContain(TEST_KEY);
  });
});
