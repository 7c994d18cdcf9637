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
    analyzeImage: async (_input: unknown, options: { smartCropsAspectRatios?: number[] }) => ({
      modelVersion: '2023-10-01',
      metadata: { width: 10, height: 10 },
      captionResult: { text: 'a thing', confidence: 0.5 },
      denseCaptionsResult: { values: [] },
      tagsResult: { values: [] },
      objectsResult: { values: [] },
      peopleResult: { values: [] },
      readResult: { blocks: [] },
      smartCropsResult: {
        values: (options.smartCropsAspectRatios ?? [1]).map((aspectRatio) => ({
          aspectRatio,
          boundingBox: { x: 0, y: 0, w: 10, h: 10 },
        })),
      },
    }),
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

  for (const visionApi of ['3.2', '4.0'] as const) {
    for (const name of Object.keys(imageType.getFields())) {
      it(`matches what ${name} spends with VISION_API=${visionApi}`, async () => {
        const source = `{ image(url: "${URL_A}") { ${selectionOf(name)} } }`;
        const context = createContext({ client: recordingClient(), readPageLimit: 1, visionApi });
        const result = await execute({ schema, document: parse(source), contextValue: context });
        expect(result.errors).toBeUndefined();
        const bound = estimateTransactions(schema, parse(source), { readPageLimit: 1, visionApi });
        expect(context.transactions.spent).toBe(bound?.transactions);
      });
    }
  }

  it('bounds 4.0 fields beside the v3.2 analyze: size and caption are two calls, two transactions', async () => {
    const source = `{ image(url: "${URL_A}") { width caption { text } tags { name } } }`;
    const context = createContext({ client: recordingClient(), visionApi: '4.0' });
    await execute({ schema, document: parse(source), contextValue: context });
    expect(context.transactions).toEqual({ spent: 3, saved: 0 });
    expect(
      estimateTransactions(schema, parse(source), { readPageLimit: 1, visionApi: 'auto' }),
    ).toEqual({ transactions: 3, images: 1 });
    // The same query through v3.2 is one analyze of two billed features.
    expect(estimateTransactions(schema, parse(source), { readPageLimit: 1 })).toEqual({
      transactions: 2,
      images: 1,
    });
  });

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

  it('reports what the cache saved of Image Analysis 4.0 features', async () => {
    const { createMemoryFeatureCache } = await import('../cache/memory-feature-cache.js');
    const cache = createMemoryFeatureCache();
    const source = `{ image(url: "${URL_A}") { caption { text } people { confidence } } }`;
    const run = async () => {
      const context = createContext({ client: recordingClient(), cache, visionApi: '4.0' });
      await execute({ schema, document: parse(source), contextValue: context });
      return context.transactions;
    };
    expect(await run()).toEqual({ spent: 2, saved: 0 });
    expect(await run()).toEqual({ spent: 0, saved: 2 });
  });
});
