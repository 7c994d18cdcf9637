// VISION_API=auto against real upstreams over loopback HTTP: the emulator (stub backend: exact
// answers, no models) behind a counting proxy. One resource has 4.0; the other is in a region
// without 4.0 captions, where the proxy answers every 4.0 call asking for caption or dense
// captions the way Azure does (400, InvalidRequest with the inner code NotSupportedFeature).
// What auto mode learns comes from that status and code, never from the message text (the
// gateway's errors carry fixed messages), and it is learned once: the next query makes no
// caption attempt through 4.0.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStubBackend, startEmulator } from '@visiongraph/emulator';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CountingProxy,
  type ProxiedCall,
  startCountingProxy,
} from './helpers/counting-proxy.js';
import { type Stack, startStack, TEST_KEY } from './helpers/stack.js';

const IMAGES_DIR = fileURLToPath(new URL('../../testdata/images/', import.meta.url));
const IA40 = '/computervision/imageanalysis:analyze';
const V32 = '/vision/v3.2/analyze';
const QUERY = `query T($a: URL!) { image(url: $a) { caption { text } tags { name } } }`;

/** The stub backend's caption: the image's own size and format. */
async function stubCaption(file: string): Promise<string> {
  const { width, height } = await sharp(path.join(IMAGES_DIR, file)).metadata();
  return `a ${width}x${height} jpeg image`;
}

const featuresOf = (call: ProxiedCall): string[] =>
  (new URL(call.path, 'http://x').searchParams.get('features') ?? '').split(',').sort();

const NOT_IN_REGION = "The feature 'Caption' is not supported in this region.";

/** The emulator behind a counting proxy, and a gateway in auto mode pointed at the proxy. */
async function autoStack(refuseCaptions: boolean) {
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    key: TEST_KEY,
    backend: createStubBackend(),
  });
  const proxy = await startCountingProxy(emulator.url, {
    answer: (call) => {
      if (!refuseCaptions || !call.path.startsWith(IA40)) return undefined;
      const features = featuresOf(call);
      if (!features.includes('caption') && !features.includes('denseCaptions')) return undefined;
      return {
        status: 400,
        headers: { 'x-ms-error-code': 'InvalidRequest' },
        body: {
          error: {
            code: 'InvalidRequest',
            message: NOT_IN_REGION,
            innererror: { code: 'NotSupportedFeature', message: NOT_IN_REGION },
          },
        },
      };
    },
  });
  const stack = await startStack({ visionApi: 'auto', visionEndpoint: proxy.url });
  return {
    stack,
    proxy,
    async close() {
      await stack.close();
      await proxy.close();
      await emulator.close();
    },
  };
}

/** The proxy calls made while `fn` ran. */
async function callsDuring(proxy: CountingProxy, fn: () => Promise<unknown>) {
  const before = proxy.calls.length;
  await fn();
  return proxy.calls.slice(before);
}

const onPath = (calls: ProxiedCall[], path: string) =>
  calls.filter((c) => c.path.split('?')[0] === path);

describe('VISION_API=auto, a resource in a region without 4.0 captions', () => {
  let env: Awaited<ReturnType<typeof autoStack>>;
  let stack: Stack;
  beforeAll(async () => {
    env = await autoStack(true);
    stack = env.stack;
  });
  afterAll(async () => env?.close());

  it('learns from the NotSupportedFeature code once; caption then goes to v3.2 only', async () => {
    let first: Awaited<ReturnType<Stack['gql']>> | undefined;
    const firstCalls = await callsDuring(env.proxy, async () => {
      first = await stack.gql(QUERY, { a: stack.image('csdf-dog.jpg') });
    });
    // The refused 4.0 call carried caption and tags; both are answered by v3.2 instead.
    expect(first!.body.errors).toBeUndefined();
    const dog = first!.body.data!['image'];
    expect(dog.caption.text).toBe(await stubCaption('csdf-dog.jpg'));
    expect(dog.tags.map((t: { name: string }) => t.name)).toEqual(['landscape', 'jpeg']);
    expect(onPath(firstCalls, IA40).map(featuresOf)).toEqual([['caption', 'tags']]);
    expect(onPath(firstCalls, V32)).toHaveLength(1);

    let second: Awaited<ReturnType<Stack['gql']>> | undefined;
    const secondCalls = await callsDuring(env.proxy, async () => {
      second = await stack.gql(QUERY, { a: stack.image('csdf-house.jpg') });
    });
    expect(second!.body.errors).toBeUndefined();
    expect(second!.body.data!['image'].caption.text).toBe(await stubCaption('csdf-house.jpg'));
    // No caption through 4.0 again: tags (which the region has) still go to 4.0, caption to v3.2.
    expect(onPath(secondCalls, IA40).map(featuresOf)).toEqual([['tags']]);
    const v32 = onPath(secondCalls, V32);
    expect(v32).toHaveLength(1);
    expect(new URL(v32[0]!.path, 'http://x').searchParams.get('visualFeatures')).toBe(
      'Description',
    );
    expect(secondCalls).toHaveLength(2);
  });
});

describe('VISION_API=auto, a resource with 4.0', () => {
  let env: Awaited<ReturnType<typeof autoStack>>;
  beforeAll(async () => {
    env = await autoStack(false);
  });
  afterAll(async () => env?.close());

  it('answers caption and tags from one 4.0 call per query and never asks v3.2', async () => {
    const { stack, proxy } = env;
    for (const file of ['csdf-dog.jpg', 'csdf-house.jpg']) {
      let result: Awaited<ReturnType<Stack['gql']>> | undefined;
      const calls = await callsDuring(proxy, async () => {
        result = await stack.gql(QUERY, { a: stack.image(file) });
      });
      expect(result!.body.errors).toBeUndefined();
      expect(result!.body.data!['image'].caption.text).toBe(await stubCaption(file));
      expect(calls.map((c) => c.path.split('?')[0])).toEqual([IA40]);
      expect(featuresOf(calls[0]!)).toEqual(['caption', 'tags']);
    }
  });
});
