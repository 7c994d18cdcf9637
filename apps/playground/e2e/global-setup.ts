import { startGateway } from '@visiongraph/gateway';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the gateway every e2e file talks to. */
    gatewayUrl: string;
  }
}

const WARM_UP_TIMEOUT = 300_000;

/**
 * One real gateway for the whole run: embedded emulator, serving the built playground from
 * dist/ and the example images. Started once, because warming the emulator up is the slow part.
 */
export default async function setup(project: TestProject) {
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    logLevel: 'warn',
    // `pnpm test` runs every package's tests at once on small CI machines: a slow emulator
    // answer is not what these tests are about, so allow more than the 30 s default.
    vision: { timeouts: { headersMs: 120_000, bodyMs: 120_000 } },
  });
  await warmUp(gateway.url);
  project.provide('gatewayUrl', gateway.url);
  return () => gateway.close();
}

// The emulator loads its models (faces, objects, people, OCR) on first use, which can take longer than
// the gateway's upstream timeout on a busy machine. One throwaway query for an image the tests
// do not use (so they do not hit the gateway's cache) loads them all before the first test.
async function warmUp(base: string): Promise<void> {
  const query = `query($url: URL!) { image(url: $url) {
    caption { text } tags { name } faces { age } objects { name } celebrities { name } brands { name }
    thumbnail(width: 32, height: 32) { byteSize } areaOfInterest { x } ocr { text } text { text }
    denseCaptions { text } people { confidence } smartCrops(aspectRatios: [1]) { aspectRatio } } }`;
  const deadline = Date.now() + WARM_UP_TIMEOUT;
  for (;;) {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { url: `${base}/examples/skimage-text.png` } }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    const timedOut = body.errors?.some((error) => error.extensions?.code === 'UPSTREAM_TIMEOUT');
    if (!timedOut || Date.now() > deadline) return;
  }
}
