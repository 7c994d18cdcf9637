// The per-request budget in Azure transactions over real HTTP (gateway and emulator, the
// emulator on its stub backend): a query over GATEWAY_MAX_TRANSACTIONS or GATEWAY_MAX_IMAGES
// is refused, coded, before any upstream call; every answer says in extensions what it spent
// and what the cache saved, and so does its log line.
import { describe, expect, it } from 'vitest';
import { stubEmulator, useStack } from './helpers/stack.js';

const stack = useStack(
  { limits: { maxTransactions: 12, maxImages: 3, maxReadPages: 2 } },
  stubEmulator(),
);

const SIX =
  'caption { text } tags { name } faces { age } objects { name } color { accentColor } adult { isAdult }';

describe('transaction budget', { timeout: 120_000 }, () => {
  it('refuses a query whose bound is over the limit, naming both, with no upstream call', async () => {
    const [a, b, c] = ['csdf-dog.jpg', 'csdf-house.jpg', 'csdf-objects.jpg'].map(stack.image);
    const query = `{ x: image(url: "${a}") { ${SIX} } y: images(urls: ["${b}", "${c}"]) { ${SIX} } }`;
    const { status, body, calls } = await stack.gqlWithCalls(query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message:
          'The query could cost up to 18 Azure transactions; the limit is 12 per request (GATEWAY_MAX_TRANSACTIONS).',
        extensions: { code: 'TRANSACTION_BUDGET_EXCEEDED', bound: 18, limit: 12 },
      },
    ]);
    expect(calls).toEqual([]);
  });

  it('refuses more distinct images than GATEWAY_MAX_IMAGES, aliases and lists together', async () => {
    const urls = ['csdf-dog.jpg', 'csdf-house.jpg', 'csdf-objects.jpg', 'csdf-faces.jpg'].map(
      stack.image,
    );
    const query = `query Fan($u: [URL!]!) { a: images(urls: $u) { id } b: image(url: "${urls[0]}") { width } }`;
    const { body, calls } = await stack.gqlWithCalls(query, { u: urls });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_IMAGES',
      images: 4,
      limit: 3,
    });
    expect(calls).toEqual([]);
  });

  it('counts text as the read page limit, and asks the upstream for no more pages', async () => {
    const query = `{ image(url: "${stack.image('tjs-testocr.png')}") { text { text } } }`;
    const { body, calls } = await stack.gqlWithCalls(query);
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.['transactions']).toEqual({ bound: 2, limit: 12, spent: 1, saved: 0 });
    const submit = calls.find((c) => c.operation === 'read');
    expect(submit?.query['pages']).toBe('1-2');
  });

  it('reports spent and saved in every answer and in the log line', async () => {
    const query = `query Cost { image(url: "${stack.image('csdf-dog.jpg')}") { caption { text } tags { name } thumbnail(width: 32, height: 32) { byteSize } } }`;
    const first = await stack.gql(query);
    expect(first.body.extensions?.['transactions']).toEqual({
      bound: 3,
      limit: 12,
      spent: 3,
      saved: 0,
    });
    const again = await stack.gqlWithCalls(query);
    expect(again.calls).toEqual([]);
    expect(again.body.extensions?.['transactions']).toEqual({
      bound: 3,
      limit: 12,
      spent: 0,
      saved: 3,
    });
    const lines = stack.logs.filter((l) => l['msg'] === 'request' && l['operationName'] === 'Cost');
    expect(
      lines.map((l) => [l['transactionsBound'], l['transactionsSpent'], l['transactionsSaved']]),
    ).toEqual([
      [3, 3, 0],
      [3, 0, 3],
    ]);
  });
});

describe('transaction budget with VISION_API=4.0', { timeout: 120_000 }, () => {
  const stack40 = useStack(
    { visionApi: '4.0', limits: { maxTransactions: 12, maxImages: 3, maxReadPages: 2 } },
    stubEmulator(),
  );

  it('meters the 4.0 call beside the v3.2 analyze, and what the cache saves of both', async () => {
    const query = `query Mixed { image(url: "${stack40.image('csdf-dog.jpg')}") { width caption { text } people { confidence } } }`;
    const first = await stack40.gqlWithCalls(query);
    expect(first.body.errors).toBeUndefined();
    expect(first.calls.map((c) => c.operation).sort()).toEqual(['analyze', 'imageAnalysis']);
    // width: the v3.2 analyze (1); caption and people: one 4.0 call of two features (2).
    expect(first.body.extensions?.['transactions']).toEqual({
      bound: 3,
      limit: 12,
      spent: 3,
      saved: 0,
    });
    const again = await stack40.gqlWithCalls(query);
    expect(again.calls).toEqual([]);
    expect(again.body.extensions?.['transactions']).toEqual({
      bound: 3,
      limit: 12,
      spent: 0,
      saved: 3,
    });
  });
});
