// A query mixing 4.0 captions with other 4.0 fields, in an Azure region without 4.0 captions
// (helpers/caption-less-region.ts: the emulator behind a proxy that refuses such calls as Azure
// does), through the gateway over real HTTP. Azure refuses the whole call, so the gateway asks
// again without the captions: people, smart crops (and tags) still answer, dense captions (and
// caption under VISION_API=4.0) get the coded refusal, and the server remembers it so the next
// query sends no caption to 4.0 at all.
import { readFile } from 'node:fs/promises';
import { createVisionClient } from '@visiongraph/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxiedCall } from './helpers/counting-proxy.js';
import {
  featuresOf,
  IA40,
  onPath,
  type RegionStack,
  startRegionStack,
} from './helpers/caption-less-region.js';
import { type GraphQLResult, TEST_KEY } from './helpers/stack.js';

const IMAGES = new URL('../../testdata/images/', import.meta.url);
const RATIOS = [1, 1.5];
const QUERY = `query Mixed($a: URL!) {
  image(url: $a) {
    denseCaptions { text }
    people { confidence rectangle { x y width height } }
    smartCrops(aspectRatios: [${RATIOS.join(', ')}]) { aspectRatio rectangle { x y width height } }
  }
}`;

/** The refusal as a client reads it; no requestId: the proxy, like this stub of Azure, sends none. */
const REFUSED = {
  message: 'The vision service refused the request as invalid.',
  locations: [{ line: 3, column: 5 }],
  path: ['image', 'denseCaptions'],
  extensions: { code: 'BAD_USER_INPUT', upstreamCode: 'NotSupportedFeature', upstreamStatus: 400 },
};

const ratiosOf = (call: ProxiedCall): string | null =>
  new URL(call.path, 'http://x').searchParams.get('smartcrops-aspect-ratios');

const rectangle = (b: { x: number; y: number; w: number; h: number }) => ({
  x: b.x,
  y: b.y,
  width: b.w,
  height: b.h,
});

/**
 * What a region with captions answers for people and smart crops: the stub's centre quarter,
 * and the emulator's own crops asked directly (not through the counting proxy).
 */
async function expectedData(env: RegionStack, file: string) {
  const bytes = await readFile(new URL(file, IMAGES));
  const { width, height } = await sharp(bytes).metadata();
  const client = createVisionClient({ endpoint: env.emulator.url, key: TEST_KEY });
  try {
    const direct = await client.analyzeImage(bytes, {
      features: ['smartCrops'],
      smartCropsAspectRatios: RATIOS,
    });
    const crops = direct.smartCropsResult?.values ?? [];
    expect(crops).toHaveLength(RATIOS.length);
    return {
      denseCaptions: null,
      people: [
        {
          confidence: 1,
          rectangle: rectangle({
            x: Math.floor(width / 4),
            y: Math.floor(height / 4),
            w: Math.floor(width / 2),
            h: Math.floor(height / 2),
          }),
        },
      ],
      smartCrops: crops.map((c) => ({
        aspectRatio: c.aspectRatio,
        rectangle: rectangle(c.boundingBox),
      })),
    };
  } finally {
    await client.close();
  }
}

describe.each(['4.0', 'auto'] as const)(
  'VISION_API=%s, a region without 4.0 captions',
  (visionApi) => {
    let env: RegionStack;
    beforeAll(async () => {
      env = await startRegionStack(visionApi, false);
    });
    afterAll(async () => env?.close());

    /** Runs the mixed query for `file`; returns the answer and the upstream calls it made. */
    async function ask(file: string) {
      let body: GraphQLResult | undefined;
      const calls = await env.callsDuring(async () => {
        body = (await env.stack.gql(QUERY, { a: env.stack.image(file) })).body;
      });
      return { body: body!, calls };
    }

    it('answers people and smart crops, refuses dense captions, and learns it once', async () => {
      const first = await ask('csdf-dog.jpg');
      expect(first.body.data!['image']).toEqual(await expectedData(env, 'csdf-dog.jpg'));
      expect(first.body.errors).toEqual([REFUSED]);
      // The refused call (billed nothing), then the same call without dense captions.
      expect(first.calls.map((c) => c.path.split('?')[0])).toEqual([IA40, IA40]);
      expect(first.calls.map(featuresOf)).toEqual([
        ['denseCaptions', 'people', 'smartCrops'],
        ['people', 'smartCrops'],
      ]);
      expect(first.calls.map(ratiosOf)).toEqual(['1,1.5', '1,1.5']);
      expect(first.body.extensions?.['transactions']).toMatchObject({ spent: 2, saved: 0 });

      // Learned for the server: the next query asks 4.0 for what the region has, once.
      const second = await ask('csdf-house.jpg');
      expect(second.body.data!['image']).toEqual(await expectedData(env, 'csdf-house.jpg'));
      expect(second.body.errors).toEqual([REFUSED]);
      expect(onPath(second.calls, IA40).map(featuresOf)).toEqual([['people', 'smartCrops']]);
      expect(second.calls).toHaveLength(1);
      expect(second.body.extensions?.['transactions']).toMatchObject({ spent: 2, saved: 0 });

      // The first image again: people and crops from the cache, dense captions still refused.
      const again = await ask('csdf-dog.jpg');
      expect(again.body.data!['image']).toEqual(first.body.data!['image']);
      expect(again.body.errors).toEqual([REFUSED]);
      expect(again.calls).toEqual([]);
      expect(again.body.extensions?.['transactions']).toMatchObject({ spent: 0, saved: 2 });
    });
  },
);

describe('VISION_API=4.0, caption in a region without 4.0 captions', () => {
  let env: RegionStack;
  beforeAll(async () => {
    env = await startRegionStack('4.0', false);
  });
  afterAll(async () => env?.close());

  it('gets the coded refusal while tags answer through 4.0', async () => {
    const query = `query C($a: URL!) { image(url: $a) { caption { text } tags { name } } }`;
    for (const [file, features] of [
      ['csdf-dog.jpg', [['caption', 'tags'], ['tags']]],
      ['csdf-house.jpg', [['tags']]],
    ] as const) {
      let body: GraphQLResult | undefined;
      const calls = await env.callsDuring(async () => {
        body = (await env.stack.gql(query, { a: env.stack.image(file) })).body;
      });
      expect(body!.data!['image']).toEqual({
        caption: null,
        tags: [{ name: 'landscape' }, { name: 'jpeg' }],
      });
      expect(body!.errors).toEqual([
        { ...REFUSED, locations: [{ line: 1, column: 38 }], path: ['image', 'caption'] },
      ]);
      expect(calls.map(featuresOf)).toEqual(features);
      expect(onPath(calls, IA40)).toHaveLength(calls.length);
    }
  });
});
