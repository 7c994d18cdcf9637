// VISION_API=auto against real upstreams over loopback HTTP: the emulator (stub backend: exact
// answers, no models) behind a counting proxy. One resource has 4.0; the other is in a region
// without 4.0 captions, where the proxy answers every 4.0 call asking for caption or dense
// captions the way Azure does (400, InvalidRequest with the inner code NotSupportedFeature).
// What auto mode learns comes from that status and code, never from the message text (the
// gateway's errors carry fixed messages), and it is learned once: the next query makes no
// caption attempt through 4.0. The region is set up in helpers/caption-less-region.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  featuresOf,
  IA40,
  onPath,
  type RegionStack,
  startRegionStack,
  V32,
} from './helpers/caption-less-region.js';
import type { ProxiedCall } from './helpers/counting-proxy.js';
import type { Stack } from './helpers/stack.js';

const IMAGES_DIR = fileURLToPath(new URL('../../testdata/images/', import.meta.url));
const visualFeatures = (call: ProxiedCall): string | null =>
  new URL(call.path, 'http://x').searchParams.get('visualFeatures');
const QUERY = `query T($a: URL!) { image(url: $a) { caption { text } tags { name } } }`;

/** The stub backend's caption: the image's own size and format. */
async function stubCaption(file: string): Promise<string> {
  const { width, height } = await sharp(path.join(IMAGES_DIR, file)).metadata();
  return `a ${width}x${height} jpeg image`;
}

describe('VISION_API=auto, a resource in a region without 4.0 captions', () => {
  let env: RegionStack;
  let stack: Stack;
  beforeAll(async () => {
    env = await startRegionStack('auto', false);
    stack = env.stack;
  });
  afterAll(async () => env?.close());

  it('learns from the NotSupportedFeature code once; caption then goes to v3.2 only', async () => {
    let first: Awaited<ReturnType<Stack['gql']>> | undefined;
    const firstCalls = await env.callsDuring(async () => {
      first = await stack.gql(QUERY, { a: stack.image('csdf-dog.jpg') });
    });
    // The refused 4.0 call carried caption and tags: tags are asked again through 4.0 alone,
    // caption is answered by v3.2.
    expect(first!.body.errors).toBeUndefined();
    const dog = first!.body.data!['image'];
    expect(dog.caption.text).toBe(await stubCaption('csdf-dog.jpg'));
    expect(dog.tags.map((t: { name: string }) => t.name)).toEqual(['landscape', 'jpeg']);
    expect(onPath(firstCalls, IA40).map(featuresOf)).toEqual([['caption', 'tags'], ['tags']]);
    expect(onPath(firstCalls, V32).map(visualFeatures)).toEqual(['Description']);
    expect(firstCalls).toHaveLength(3);
    expect(first!.body.extensions?.['transactions']).toMatchObject({ spent: 2, saved: 0 });

    let second: Awaited<ReturnType<Stack['gql']>> | undefined;
    const secondCalls = await env.callsDuring(async () => {
      second = await stack.gql(QUERY, { a: stack.image('csdf-house.jpg') });
    });
    expect(second!.body.errors).toBeUndefined();
    expect(second!.body.data!['image'].caption.text).toBe(await stubCaption('csdf-house.jpg'));
    // No caption through 4.0 again: tags (which the region has) still go to 4.0, caption to v3.2.
    expect(onPath(secondCalls, IA40).map(featuresOf)).toEqual([['tags']]);
    expect(onPath(secondCalls, V32).map(visualFeatures)).toEqual(['Description']);
    expect(secondCalls).toHaveLength(2);
    expect(second!.body.extensions?.['transactions']).toMatchObject({ spent: 2, saved: 0 });
  });
});

describe('VISION_API=auto, a resource with 4.0', () => {
  let env: RegionStack;
  beforeAll(async () => {
    env = await startRegionStack('auto', true);
  });
  afterAll(async () => env?.close());

  it('answers caption and tags from one 4.0 call per query and never asks v3.2', async () => {
    const { stack } = env;
    for (const file of ['csdf-dog.jpg', 'csdf-house.jpg']) {
      let result: Awaited<ReturnType<Stack['gql']>> | undefined;
      const calls = await env.callsDuring(async () => {
        result = await stack.gql(QUERY, { a: stack.image(file) });
      });
      expect(result!.body.errors).toBeUndefined();
      expect(result!.body.data!['image'].caption.text).toBe(await stubCaption(file));
      expect(calls.map((c) => c.path.split('?')[0])).toEqual([IA40]);
      expect(featuresOf(calls[0]!)).toEqual(['caption', 'tags']);
    }
  });
});
