import { type RunningGateway, startGateway } from '@visiongraph/gateway';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';

/** How long to wait for an analysis: the emulator loads its models on first use. */
export const ANALYSIS_TIMEOUT = 120_000;

export interface Harness {
  gateway: RunningGateway;
  browser: Browser;
}

/**
 * A real gateway (embedded emulator, serving the built playground from dist/) and a headless
 * Chromium for the tests of one file.
 */
export function useHarness(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.gateway = await startGateway({ port: 0, host: '127.0.0.1', logLevel: 'warn' });
    harness.browser = await launchBrowser();
    await warmUp(harness.gateway.url);
  }, WARM_UP_TIMEOUT + 60_000);
  afterAll(async () => {
    await harness.browser?.close();
    await harness.gateway?.close();
  });
  return harness;
}

const WARM_UP_TIMEOUT = 300_000;

// The emulator loads its models (faces, objects, OCR) on first use, which can take longer than
// the gateway's upstream timeout on a busy machine. One throwaway query for an image the tests
// do not use (so they do not hit the gateway's cache) loads them all before the first test.
async function warmUp(base: string): Promise<void> {
  const query = `query($url: URL!) { image(url: $url) {
    caption { text } tags { name } faces { age } objects { name } celebrities { name } brands { name }
    thumbnail(width: 32, height: 32) { byteSize } areaOfInterest { x } ocr { text } text { text } } }`;
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

/**
 * Opens the playground in a new page, runs `body`, saves a screenshot named `name` and checks
 * that nothing was logged with console.error and no page error was thrown.
 */
export async function withPage(
  harness: Harness,
  name: string,
  body: (page: Page) => Promise<void>,
  viewport?: { width: number; height: number },
): Promise<void> {
  const { page, problems } = await harness.browser.newPage(viewport);
  try {
    await page.goto(harness.gateway.url);
    await body(page);
  } finally {
    await screenshot(page, name).catch(() => undefined);
    await page.close();
  }
  expect(problems).toEqual([]);
}

/** Clicks the gateway example whose file name is `file`. */
export async function pickExample(page: Page, file: string): Promise<void> {
  await page.locator(`button[data-file="${file}"]`).click();
}
