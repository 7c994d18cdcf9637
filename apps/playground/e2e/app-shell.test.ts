import { describe, expect, it } from 'vitest';
import { screenshot, watchProblems } from './browser.js';
import { ANALYSIS_TIMEOUT, pickExample, useHarness, withPage } from './harness.js';

const harness = useHarness();

describe('the playground shell in Chromium', () => {
  it('fits a phone screen without sideways scrolling', async () => {
    await withPage(
      harness,
      'phone',
      async (page) => {
        await pickExample(page, 'skimage-astronaut.png');
        await page.getByTestId('caption').waitFor({ timeout: ANALYSIS_TIMEOUT });
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          image: document.querySelector('.figure img')!.getBoundingClientRect().width,
        }));
        expect(widths.page).toBeLessThanOrEqual(widths.viewport);
        expect(widths.image).toBeLessThanOrEqual(widths.viewport);
      },
      { width: 390, height: 844 },
    );
  });

  it('shows the query it sends, copies it, and opens it in GraphiQL', async () => {
    await withPage(harness, 'graphiql', async (page) => {
      const shown = (await page.getByLabel('GraphQL query').textContent()) ?? '';
      expect(shown).toMatch(/^query AnalyzeImage\(/);
      expect(shown).toContain('@defer');

      await page.getByRole('button', { name: 'Copy query' }).click();
      await page.getByText('Copied').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

      const [tab] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('link', { name: 'Open in GraphiQL' }).click(),
      ]);
      const tabProblems = watchProblems(tab!);
      await tab!.locator('.graphiql-container').waitFor({ timeout: 60_000 });
      await tab!.getByText('AnalyzeImage').first().waitFor({ timeout: 60_000 });
      await screenshot(tab!, 'graphiql-opened');
      await tab!.close();
      expect(tabProblems).toEqual([]);

      // and from the header, in the same tab
      await page.getByRole('link', { name: 'GraphiQL', exact: true }).click();
      await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    });
  });

  it("renders the gateway's own GraphiQL at /graphql offline and runs its example query", async () => {
    const { page, problems } = await harness.browser.newPage();
    try {
      // GraphiQL restores its tabs from localStorage, which the playground's own GraphiQL (same
      // origin, same profile) filled in an earlier test, and writes them back as a page unloads:
      // clear it before any script of the page runs.
      await page.addInitScript(() => localStorage.clear());
      await page.goto(`${harness.url}/graphql`);
      await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
      await page.getByText('ExampleImages').first().waitFor({ timeout: 60_000 });
      // The editors come up before their workers; retry the run until a result shows.
      const result = page.locator('.graphiql-response').first();
      for (let i = 0; i < 20 && !/"caption"/.test((await result.textContent()) ?? ''); i++) {
        await page.locator('.graphiql-execute-button').first().click();
        await page.waitForTimeout(3_000);
      }
      expect(await result.textContent()).toMatch(/"caption"/);
    } finally {
      await screenshot(page, 'gateway-graphiql').catch(() => undefined);
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('sends one query with the chosen features and thumbnail size', async () => {
    await withPage(harness, 'options', async (page) => {
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
          posts.push(request.postData() ?? '');
        }
      });
      await page.getByLabel('Text (OCR words, read lines; deferred)').uncheck();
      await page.getByLabel('Tags').uncheck();
      await page.getByLabel('Width').fill('200');
      await page.getByLabel('Height').fill('100');
      await pickExample(page, 'csdf-dog.jpg');
      const thumbnail = page.getByAltText('Smart-cropped thumbnail');
      await thumbnail.waitFor({ timeout: ANALYSIS_TIMEOUT });
      await page.getByTestId('caption').waitFor({ timeout: ANALYSIS_TIMEOUT });

      expect(posts).toHaveLength(1);
      const { variables } = JSON.parse(posts[0]!) as { variables: Record<string, unknown> };
      expect(variables).toMatchObject({
        text: false,
        tags: false,
        faces: true,
        thumbWidth: 200,
        thumbHeight: 100,
      });
      const size = await thumbnail.evaluate((img: HTMLImageElement) => [
        img.naturalWidth,
        img.naturalHeight,
      ]);
      expect(size).toEqual([200, 100]);
      // panels for features not asked for are not shown at all
      expect(await page.getByTestId('text-panel').count()).toBe(0);
      expect(await page.getByTestId('tags-panel').count()).toBe(0);
      expect(await page.getByTestId('detections-panel').count()).toBe(1);
    });
  });
});
