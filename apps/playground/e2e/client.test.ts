import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyzeImage } from '../src/analyze-query.js';
import { ALL_FEATURES, type FeatureSet, queryVariables } from '../src/features.js';
import { execute } from '../src/lib/execute.js';
import { IMAGES_DIR } from './browser.js';
import { useHarness } from './harness.js';

// The app's request code (JSON or multipart body, streaming multipart/mixed reader, patch
// merging) against the real gateway, from Node: the same code the browser runs.
const harness = useHarness({ browser: false });
const NONE = Object.fromEntries(Object.keys(ALL_FEATURES).map((key) => [key, false])) as FeatureSet;
const SIZE = { width: 64, height: 64 };

async function collect(variables: ReturnType<typeof queryVariables>) {
  const results = [];
  const endpoint = `${harness.url}/graphql`;
  for await (const result of execute(AnalyzeImage, variables, { endpoint })) results.push(result);
  return results;
}

describe('execute() against the gateway', () => {
  it('gets the boxes first and the deferred text in a later part', async () => {
    const url = `${harness.url}/examples/tjs-testocr.png`;
    const results = await collect(
      queryVariables(
        { kind: 'url', url, label: 'ocr' },
        { ...NONE, caption: true, text: true },
        SIZE,
      ),
    );
    expect(results.length).toBeGreaterThanOrEqual(2);
    const first = results[0]!;
    expect(first.hasNext).toBe(true);
    expect(first.data?.image?.caption?.text).toBeTruthy();
    expect(first.data?.image).not.toHaveProperty('text');
    const last = results.at(-1)!;
    expect(last.hasNext).toBe(false);
    expect(last.errors).toBeUndefined();
    const lines = last.data?.image?.text?.lines.map((line) => line.text).join(' ') ?? '';
    expect(lines).toMatch(/quick brown dog/i);
    expect(last.data?.image?.ocr?.words.length).toBeGreaterThan(20);
    expect(last.data?.image?.caption).toEqual(first.data?.image?.caption); // merged, not replaced
  });

  it('uploads bytes as a multipart request and gets what the same image by URL gets', async () => {
    const bytes = await readFile(path.join(IMAGES_DIR, 'csdf-house.jpg'));
    const file = new File([bytes], 'csdf-house.jpg', { type: 'image/jpeg' });
    const features = { ...NONE, caption: true, tags: true };
    const [uploaded] = await collect(
      queryVariables({ kind: 'file', file, label: 'house' }, features, SIZE),
    );
    const url = `${harness.url}/examples/csdf-house.jpg`;
    const [byUrl] = await collect(
      queryVariables({ kind: 'url', url, label: 'house' }, features, SIZE),
    );
    expect(uploaded?.errors).toBeUndefined();
    expect(uploaded?.data?.image?.id).toMatch(/^sha256:/);
    expect(uploaded?.data?.image?.width).toBeGreaterThan(0);
    expect(uploaded?.data?.image?.caption?.text).toBeTruthy();
    const { id: _a, ...fromUpload } = uploaded!.data!.image!;
    const { id: _b, ...fromUrl } = byUrl!.data!.image!;
    expect(fromUpload).toEqual(fromUrl);
  });

  it('reports an unreachable URL as INVALID_IMAGE on the fields that needed it', async () => {
    const [result] = await collect(
      queryVariables(
        { kind: 'url', url: 'http://127.0.0.1:9/nope.jpg', label: 'dead' },
        { ...NONE, caption: true },
        SIZE,
      ),
    );
    const codes = new Set(result?.errors?.map((error) => error.extensions?.code));
    expect([...codes]).toEqual(['INVALID_IMAGE']);
    expect(result?.errors?.map((error) => error.path?.join('.'))).toContain('image.caption');
  });
});
