import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAGES_DIR } from './browser.js';
import { ANALYSIS_TIMEOUT, pickExample, useHarness, withPage } from './harness.js';

const harness = useHarness();

/** Asks the gateway directly (not through the app) where the faces of an example are. */
async function facesOf(file: string) {
  const url = `${harness.url}/examples/${file}`;
  const response = await fetch(`${harness.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'query($url: URL!) { image(url: $url) { width faces { rectangle { x y width height } } } }',
      variables: { url },
    }),
  });
  const body = (await response.json()) as {
    data: {
      image: {
        width: number;
        faces: { rectangle: { x: number; y: number; width: number; height: number } }[];
      };
    };
  };
  return body.data.image;
}

describe('the playground in Chromium', () => {
  it('draws the caption and one face box where her face is on the portrait', async () => {
    await withPage(harness, 'portrait', async (page) => {
      await pickExample(page, 'skimage-astronaut.png');
      const caption = page.getByTestId('caption');
      await caption.waitFor({ timeout: ANALYSIS_TIMEOUT });
      expect((await caption.textContent())?.trim().length).toBeGreaterThan(3);
      await page
        .locator('svg.overlay rect[data-kind="face"]')
        .first()
        .waitFor({ timeout: ANALYSIS_TIMEOUT });

      const geometry = await page.evaluate(() => {
        const img = document.querySelector<HTMLImageElement>('.figure img')!;
        const faces = [...document.querySelectorAll('svg.overlay rect[data-kind="face"]')];
        return {
          img: img.getBoundingClientRect().toJSON() as DOMRect,
          naturalWidth: img.naturalWidth,
          faces: faces.map((face) => face.getBoundingClientRect().toJSON() as DOMRect),
        };
      });
      expect(geometry.faces).toHaveLength(1);
      const [face] = geometry.faces;
      const { img } = geometry;
      // Her face is in the upper middle of the portrait.
      const centreX = (face!.x + face!.width / 2 - img.x) / img.width;
      const centreY = (face!.y + face!.height / 2 - img.y) / img.height;
      expect(centreX).toBeGreaterThan(0.3);
      expect(centreX).toBeLessThan(0.7);
      expect(centreY).toBeGreaterThan(0.05);
      expect(centreY).toBeLessThan(0.5);
      // And the drawn box is the gateway's rectangle scaled to the displayed size.
      const truth = await facesOf('skimage-astronaut.png');
      const scale = img.width / geometry.naturalWidth;
      const rect = truth.faces[0]!.rectangle;
      expect(Math.abs(face!.x - (img.x + rect.x * scale))).toBeLessThan(2);
      expect(Math.abs(face!.y - (img.y + rect.y * scale))).toBeLessThan(2);
      expect(Math.abs(face!.width - rect.width * scale)).toBeLessThan(2);
      expect(Math.abs(face!.height - rect.height * scale)).toBeLessThan(2);
      // The face is labelled in the list too.
      await expect(page.getByTestId('detections-panel').textContent()).resolves.toMatch(/age \d+/);
    });
  });

  it('reads the words of the printed-text example, chosen with the keyboard', async () => {
    await withPage(harness, 'printed-text', async (page) => {
      await page.locator('button[data-file="tjs-testocr.png"]').focus();
      await page.keyboard.press('Enter');
      const panel = page.getByTestId('text-panel');
      await panel.getByText(/quick/i).first().waitFor({ timeout: ANALYSIS_TIMEOUT });
      const text = (await panel.textContent()) ?? '';
      for (const word of ['quick', 'brown', 'lazy']) expect(text.toLowerCase()).toContain(word);
      expect(await page.locator('svg.overlay [data-kind="word"]').count()).toBeGreaterThan(10);
      expect(await page.locator('svg.overlay polygon[data-kind="line"]').count()).toBeGreaterThan(
        3,
      );
    });
  });

  it('uploads a local file through the file input and shows its caption', async () => {
    await withPage(harness, 'upload', async (page) => {
      await page.getByTestId('file-input').setInputFiles(path.join(IMAGES_DIR, 'csdf-house.jpg'));
      const caption = page.getByTestId('caption');
      await caption.waitFor({ timeout: ANALYSIS_TIMEOUT });
      expect((await caption.textContent())?.trim().length).toBeGreaterThan(3);
      // the browser shows the local file itself, with the overlay sized to it
      const natural = await page
        .locator('.figure img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth);
      expect(natural).toBeGreaterThan(0);
    });
  });

  it('shows INVALID_IMAGE for a URL nobody serves', async () => {
    await withPage(harness, 'unreachable-url', async (page) => {
      await page.getByLabel('Image URL').fill('http://127.0.0.1:9/nope.jpg');
      await page.getByRole('button', { name: 'Analyze', exact: true }).click();
      const banner = page.getByTestId('image-error').first();
      await banner.waitFor({ timeout: ANALYSIS_TIMEOUT });
      expect(await banner.textContent()).toMatch(/^INVALID_IMAGE: /);
      // panels say so where they stand, and no broken image is shown
      await expect(page.getByTestId('tags-panel').textContent()).resolves.toContain(
        'INVALID_IMAGE',
      );
      expect(await page.locator('.figure img').count()).toBe(0);
    });
  });
});
