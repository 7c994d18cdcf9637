// Captions and tags of real photos through the backend, as a user reads them (testdata/TRUTH.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { testImage } from '../image/__tests__/test-images.js';
import type { AnalyzeResult, VisionBackend } from '../types.js';

let backend: VisionBackend;
const describeImage = async (name: string): Promise<AnalyzeResult> =>
  backend.analyze(await backend.load(testImage(name)), {
    tags: true,
    description: { maxCandidates: 3 },
    categories: true,
    objects: true,
  });

beforeAll(() => {
  backend = createBackend({ workers: 2 });
});
afterAll(() => backend.close());

describe('captions from every detection', () => {
  it('captions the woman at a table with a laptop (Azure SDK sample) with the person, the table and the laptop', async () => {
    const r = await describeImage('azsdk-sample.jpg');
    const best = r.description!.captions[0]!.text;
    // Her face is masked: the gender estimate is a coin toss (0.54), so she is "a person".
    expect(best).toMatch(/^a (person|woman) sitting at a table with a laptop$/);
    const tags = r.tags!.map((t) => t.name);
    expect(tags).toEqual(expect.arrayContaining(['person', 'human face', 'laptop', 'indoor']));
    for (const o of r.objects!) expect(tags).toContain(o.name);
  }, 120_000);

  it('names the Colosseum without being asked for landmark details, with its kinds as tags', async () => {
    const r = await describeImage('csdf-landmark.jpg');
    expect(r.description!.captions[0]!.text).toBe('the Colosseum');
    expect(r.tags!.map((t) => t.name)).toEqual(expect.arrayContaining(['building', 'outdoor']));
    expect(r.categories!.map((c) => c.name)).toContain('building_');
  }, 120_000);

  it('captions the quickstart house photo as a house with a lawn, tagged house and grass', async () => {
    const r = await describeImage('pysamples-house.jpg');
    // Azure: "a house with a flag"; no model here sees the flag (ANALYSIS.md, deviations).
    expect(r.description!.captions[0]!.text).toBe('a house with a lawn');
    expect(r.tags!.map((t) => t.name)).toEqual(
      expect.arrayContaining(['house', 'building', 'grass', 'sky', 'outdoor']),
    );
    expect(r.categories!.map((c) => c.name)).toContain('outdoor_house');
  }, 120_000);

  it('always answers a caption, also where nothing is recognised (the logo hoodie)', async () => {
    const r = await describeImage('csdf-gray-shirt-logo.jpg');
    expect(r.description!.captions[0]!.text).toBe('a close up of a logo');
    expect(r.tags!.map((t) => t.name)).toContain('logo');
  }, 120_000);
});
