import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Screenshots land here (gitignored), one PNG per test. */
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

/** The repository's test images. */
export const IMAGES_DIR = fileURLToPath(new URL('../../../testdata/images/', import.meta.url));

// Debian's chromium (scripts/ensure-chromium.sh installs it); no network-facing extras.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** A new page whose console errors and uncaught page errors are collected in `problems`. */
  newPage(viewport?: {
    width: number;
    height: number;
  }): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, deleted on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'vg-playground-'));
  await mkdir(RESULTS_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
    viewport: { width: 1360, height: 1000 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  return {
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return { page, problems: watchProblems(page) };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Collects the console errors and uncaught errors of `page` into the returned array. */
export function watchProblems(page: Page, problems: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Saves a full-page screenshot under test-results/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
}
