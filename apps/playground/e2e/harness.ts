import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';

/** How long to wait for an analysis in the browser. */
export const ANALYSIS_TIMEOUT = 120_000;

export interface Harness {
  /** The gateway started by global-setup.ts, e.g. `http://127.0.0.1:41234`. */
  url: string;
  browser: Browser;
}

/** The shared gateway and, unless `browser: false`, a headless Chromium for one test file. */
export function useHarness(options: { browser?: boolean } = {}): Harness {
  const harness = { url: inject('gatewayUrl') } as Harness;
  beforeAll(async () => {
    if (options.browser !== false) harness.browser = await launchBrowser();
  });
  afterAll(async () => {
    await harness.browser?.close();
  });
  return harness;
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
    await page.goto(harness.url);
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
