// The upstream side of the fault suites: an emulator on its stub backend (no models; answers
// follow from each image's size) behind the fault proxy, and the image host it fetches from.
// The gateway under test gets `proxy.url` as its VISION_ENDPOINT.
import {
  createStubBackend,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '@visiongraph/emulator';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startImageHost, type ImageHost } from './image-host.js';

export const UPSTREAM_KEY = 'vg-fault-suite-key-5d0c2a9e';

export interface Upstream {
  emulator: RunningEmulator;
  proxy: FaultProxy;
  images: ImageHost;
  close(): Promise<void>;
}

export async function startUpstream(options: Partial<EmulatorOptions> = {}): Promise<Upstream> {
  const images = await startImageHost();
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    key: UPSTREAM_KEY,
    backend: createStubBackend(),
    // The image host is on loopback; letting this emulator fetch it is the documented
    // local-development switch.
    allowPrivateUrls: true,
    ...options,
  });
  const proxy = await startFaultProxy({ target: emulator.url });
  return {
    emulator,
    proxy,
    images,
    async close() {
      await proxy.close();
      await emulator.close();
      await images.close();
    },
  };
}
