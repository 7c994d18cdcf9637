import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_TIMEOUT, pickExample, useHarness, withPage } from './harness.js';

// Image Analysis 4.0 in the browser: people boxes and dense captions drawn over the photo where
// the gateway's rectangles say, and smart crops drawn for the ratios the user picks.
const harness = useHarness();

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Asks the gateway directly (not through the app) for the 4.0 regions of an example. */
async function regionsOf(file: string, ratios: number[]) {
  const response = await fetch(`${harness.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query($url: URL!, $ratios: [Float!]) { image(url: $url) {
        people { rectangle { x y width height } }
        denseCaptions { text rectangle { x y width height } }
        smartCrops(aspectRatios: $ratios) { aspectRatio rectangle { x y width height } } } }`,
      variables: { url: `${harness.url}/examples/${file}`, ratios },
    }),
  });
  const body = (await response.json()) as {
    data: {
      image: {
        people: { rectangle: Rect }[];
        denseCaptions: { text: string; rectangle: Rect }[];
        smartCrops: { aspectRatio: number; rectangle: Rect }[];
      };
    };
  };
  return body.data.image;
}

/** The displayed image and the on-screen boxes of one overlay kind, in drawing order. */
async function drawn(page: Page, kind: string) {
  return page.evaluate((kind) => {
    const img = document.querySelector<HTMLImageElement>('.figure img')!;
    const rects = [...document.querySelectorAll(`svg.overlay rect[data-kind="${kind}"]`)];
    return {
      img: img.getBoundingClientRect().toJSON() as DOMRect,
      scale: img.getBoundingClientRect().width / img.naturalWidth,
      boxes: rects.map((rect) => rect.getBoundingClientRect().toJSON() as DOMRect),
    };
  }, kind);
}

/** Checks that each on-screen box is the matching image rectangle at the displayed scale. */
function expectPlaced(geometry: Awaited<ReturnType<typeof drawn>>, rects: Rect[]) {
  const { img, scale, boxes } = geometry;
  expect(boxes).toHaveLength(rects.length);
  rects.forEach((rect, i) => {
    const box = boxes[i]!;
    expect(Math.abs(box.x - (img.x + rect.x * scale))).toBeLessThan(2);
    expect(Math.abs(box.y - (img.y + rect.y * scale))).toBeLessThan(2);
    expect(Math.abs(box.width - rect.width * scale)).toBeLessThan(2);
    expect(Math.abs(box.height - rect.height * scale)).toBeLessThan(2);
  });
}

/** Collects the bodies of the GraphQL POSTs the page sends. */
function recordQueries(page: Page): Array<{ variables: Record<string, unknown> }> {
  const posts: Array<{ variables: Record<string, unknown> }> = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
      posts.push(JSON.parse(request.postData() ?? '{}') as { variables: Record<string, unknown> });
    }
  });
  return posts;
}

/** Waits until `count` crop boxes are drawn and returns their on-screen width / height. */
async function cropShapes(page: Page, count: number): Promise<number[]> {
  await page.waitForFunction(
    (count) => document.querySelectorAll('svg.overlay rect[data-kind="crop"]').length === count,
    count,
    { timeout: ANALYSIS_TIMEOUT },
  );
  const { boxes } = await drawn(page, 'crop');
  return boxes.map((box) => box.width / box.height).sort((a, b) => a - b);
}

describe('Image Analysis 4.0 in Chromium', () => {
  it('draws one box per person where the gateway says, and labels the dense captions', async () => {
    await withPage(harness, 'people-dense-captions', async (page) => {
      await pickExample(page, 'csdf-faces.jpg');
      await page
        .locator('svg.overlay rect[data-kind="person"]')
        .first()
        .waitFor({ timeout: ANALYSIS_TIMEOUT });
      const truth = await regionsOf('csdf-faces.jpg', [1]);
      // The group photo has at least three people in it (testdata/TRUTH.md).
      expect(truth.people.length).toBeGreaterThanOrEqual(3);
      expectPlaced(
        await drawn(page, 'person'),
        truth.people.map((p) => p.rectangle),
      );
      expect(await page.locator('.shape-label.label-person').count()).toBe(truth.people.length);

      expect(truth.denseCaptions.length).toBeGreaterThan(1);
      expectPlaced(
        await drawn(page, 'dense'),
        truth.denseCaptions.map((d) => d.rectangle),
      );
      const labels = await page.locator('.shape-label.label-dense').allTextContents();
      expect(labels).toEqual(truth.denseCaptions.map((d) => d.text));
      // and each one is listed in full in the regions panel
      const panel = (await page.getByTestId('regions-panel').textContent()) ?? '';
      for (const { text } of truth.denseCaptions) expect(panel).toContain(text);
      // The legend hides a kind and shows it again.
      await page.getByRole('checkbox', { name: 'People', exact: true }).uncheck();
      expect(await page.locator('svg.overlay rect[data-kind="person"]').count()).toBe(0);
      await page.getByRole('checkbox', { name: 'People', exact: true }).check();
      expect(await page.locator('svg.overlay rect[data-kind="person"]').count()).toBe(
        truth.people.length,
      );
    });
  });

  it('re-queries when a ratio is picked and draws a crop of that shape; refuses ratios Azure would', async () => {
    await withPage(harness, 'smart-crops', async (page) => {
      const posts = recordQueries(page);
      await pickExample(page, 'csdf-dog.jpg');
      // The default ratio, 1:1.
      const square = await cropShapes(page, 1);
      expect(square[0]).toBeCloseTo(1, 1);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.variables).toMatchObject({ smartCrops: true, cropRatios: [1] });

      await page.getByRole('checkbox', { name: /^3:2/ }).check();
      const two = await cropShapes(page, 2);
      expect(posts).toHaveLength(2);
      expect(posts[1]!.variables['cropRatios']).toEqual([1, 1.5]);
      expect(two[0]).toBeCloseTo(1, 1);
      expect(two[1]).toBeCloseTo(1.5, 1);
      // Drawn exactly where the gateway's rectangles are.
      const truth = await regionsOf('csdf-dog.jpg', [1, 1.5]);
      expect(truth.smartCrops.map((c) => c.aspectRatio)).toEqual([1, 1.5]);
      expectPlaced(
        await drawn(page, 'crop'),
        truth.smartCrops.map((c) => c.rectangle),
      );
      await expect(page.locator('.shape-label.label-crop').allTextContents()).resolves.toEqual([
        'crop 1',
        'crop 1.5',
      ]);

      // Out of Azure's 0.75-1.8: refused in the page, nothing sent.
      const other = page.getByLabel('Other ratio');
      await other.fill('2.5');
      await page.getByRole('button', { name: 'Add ratio' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toBe(
        '2.5 is 2.5; the service accepts 0.75 to 1.8.',
      );
      expect(await other.getAttribute('aria-invalid')).toBe('true');
      expect(posts).toHaveLength(2);

      // A typed width:height inside the range is asked for and drawn.
      await other.fill('5:4');
      await page.getByRole('button', { name: 'Add ratio' }).click();
      const three = await cropShapes(page, 3);
      expect(posts).toHaveLength(3);
      expect(posts[2]!.variables['cropRatios']).toEqual([1, 1.25, 1.5]);
      expect(three[1]).toBeCloseTo(1.25, 1);
      expect(await page.getByRole('alert').count()).toBe(0);
    });
  });
});
