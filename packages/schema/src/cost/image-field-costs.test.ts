// IMAGE_FIELD_COSTS is what the budget believes; the resolvers are what happens. Each Image
// field runs alone against a recording client, and what it spent must equal what the estimator
// bounds for it (with one-page reads, the bound is exact). A field missing from the table fails.
import type { GraphQLObjectType } from 'graphql';
import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { VisionClientLike } from '../client.js';
import { createContext } from '../context.js';
import { schema } from '../schema.js';
import { estimateTransactions } from './estimate-transactions.js';
import { IMAGE_FIELD_COSTS } from './image-field-costs.js';

const URL_A = 'https://img.example/a.jpg';

function recordingClient(): VisionClientLike {
  const metadata = { width: 10, height: 10, format: 'Png' };
  return {
    analyze: async () => ({ metadata, requestId: 'r' }),
    describe: async () => ({ description: { captions: [], tags: [] }, metadata }),
    generateThumbnail: async () => ({ contentType: 'image/png', data: new Uint8Array(1) }),
    areaOfInterest: async () => ({ areaOfInterest: { x: 0, y: 0, w: 1, h: 1 }, metadata }),
    ocr: async () => ({ language: 'en', regions: [] }),
    readAndWait: async () => ({
      status: 'succeeded',
      analyzeResult: { readResults: [{ page: 1, width: 1, height: 1, unit: 'pixel', lines: [] }] },
    }),
    listModels: async () => ({ models: [] }),
  } as unknown as VisionClientLike;
}

const imageType = schema.getType('Image') as GraphQLObjectType;

/** A valid selection of `field` (objects need a subfield). */
function selectionOf(name: string): string {
  const field = imageType.getFields()[name]!;
  const args = field.args
    .filter((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)
    .map((a) => `${a.name}: 64`);
  const call = args.length > 0 ? `${name}(${args.join(', ')})` : name;
  const named = field.type.toString().replace(/[[\]!]/g, '');
  const type = schema.getType(named) as GraphQLObjectType | undefined;
  return type && 'getFields' in type ? `${call} { __typename }` : call;
}

describe('IMAGE_FIELD_COSTS', () => {
  it('has an entry for every field of Image', () => {
    expect(Object.keys(imageType.getFields()).sort()).toEqual(
      Object.keys(IMAGE_FIELD_COSTS).sort(),
    );
  });

  // 4.0-only fields need a 4.0 upstream; their loaders are not metered yet (see the table).
  const metered = Object.keys(imageType.getFields()).filter((name) => {
    const cost = IMAGE_FIELD_COSTS[name];
    return !(cost?.kind === 'call' && cost.operation.startsWith('v4:'));
  });
  for (const name of metered) {
    it(`matches what ${name} spends`, async () => {
      const source = `{ image(url: "${URL_A}") { ${selectionOf(name)} } }`;
      const context = createContext({ client: recordingClient(), readPageLimit: 1 });
      const result = await execute({ schema, document: parse(source), contextValue: context });
      expect(result.errors).toBeUndefined();
      const bound = estimateTransactions(schema, parse(source), { readPageLimit: 1 });
      expect(context.transactions.spent).toBe(bound?.transactions);
    });
  }

  it('reports what the cache saved on a second request', async () => {
    const { createMemoryFeatureCache } = await import('../cache/memory-feature-cache.js');
    const cache = createMemoryFeatureCache();
    const source = `{ image(url: "${URL_A}") { caption { text } tags { name } ocr { text } } }`;
    const first = createContext({ client: recordingClient(), cache });
    await execute({ schema, document: parse(source), contextValue: first });
    expect(first.transactions).toEqual({ spent: 3, saved: 0 });
    const second = createContext({ client: recordingClient(), cache });
    await execute({ schema, document: parse(source), contextValue: second });
    expect(second.transactions).toEqual({ spent: 0, saved: 3 });
  });
});
