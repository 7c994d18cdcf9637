// A resource in an Azure region without Image Analysis 4.0 captions, over loopback HTTP: the
// emulator (stub backend: exact answers, no models) behind a counting proxy that answers every
// 4.0 call asking for caption or dense captions the way Azure does there (400, InvalidRequest
// with the inner code NotSupportedFeature). Every other call reaches the emulator.
import { createStubBackend, type RunningEmulator, startEmulator } from '@visiongraph/emulator';
import type { VisionApiMode } from '@visiongraph/schema';
import {
  type CountingProxy,
  type ProxiedCall,
  type StubAnswer,
  startCountingProxy,
} from './counting-proxy.js';
import { type Stack, startStack, TEST_KEY } from './stack.js';

export const IA40 = '/computervision/imageanalysis:analyze';
export const V32 = '/vision/v3.2/analyze';

/** The 4.0 features a proxied call asked for, sorted. */
export const featuresOf = (call: ProxiedCall): string[] =>
  (new URL(call.path, 'http://x').searchParams.get('features') ?? '').split(',').sort();

/** The proxied calls to one path (its query left out). */
export const onPath = (calls: ProxiedCall[], path: string): ProxiedCall[] =>
  calls.filter((c) => c.path.split('?')[0] === path);

const NOT_IN_REGION = "The feature 'Caption' is not supported in this region.";

/** Azure's answer to a 4.0 call asking for captions where the region has none. */
function refuseCaptions(call: ProxiedCall): StubAnswer | undefined {
  if (!call.path.startsWith(IA40)) return undefined;
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
}

export interface RegionStack {
  stack: Stack;
  proxy: CountingProxy;
  emulator: RunningEmulator;
  /** The proxy calls made while `fn` ran. */
  callsDuring(fn: () => Promise<unknown>): Promise<ProxiedCall[]>;
  close(): Promise<void>;
}

/**
 * The emulator behind a counting proxy, and a gateway with `visionApi` pointed at the proxy;
 * `captions` false makes the proxy the caption-less region.
 */
export async function startRegionStack(
  visionApi: VisionApiMode,
  captions: boolean,
): Promise<RegionStack> {
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    key: TEST_KEY,
    backend: createStubBackend(),
  });
  const proxy = await startCountingProxy(emulator.url, {
    ...(!captions && { answer: refuseCaptions }),
  });
  const stack = await startStack({ visionApi, visionEndpoint: proxy.url });
  return {
    stack,
    proxy,
    emulator,
    async callsDuring(fn) {
      const before = proxy.calls.length;
      await fn();
      return proxy.calls.slice(before);
    },
    async close() {
      await stack.close();
      await proxy.close();
      await emulator.close();
    },
  };
}
