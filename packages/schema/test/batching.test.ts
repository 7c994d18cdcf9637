import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createMemoryFeatureCache } from '../src/index.js';
import { type Harness, listParam, startHarness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const query = (x: string, y: string, extra = '') => `
  fragment People on Image { faces { age rectangle { x y width height } } celebrities { name } }
  query {
    a: image(url: "${x}") { id caption { text } tags(minConfidence: 0.5) { name } ...People ${extra} }
    b: image(url: "${x}") { objects { name rectangle { x } } color { accentColor } landmarks { name } }
    all: images(urls: ["${y}", "${x}"]) {
      id
      ...People
      ... on Image { tags { name } landmarks { name } }
      again: caption { text }
      ${extra}
    }
  }`;

describe('analyze batching against the emulator', () => {
  it('makes one analyze call per distinct image with the union of features and details', async () => {
    const x = h.images.urlOf('csdf-landmark.jpg');
    const y = h.images.urlOf('csdf-celebrities.jpg');
    const cache = createMemoryFeatureCache();
    h.reset();
    const result = await h.run(query(x, y), { cache });
    expect(result.errors).toBeUndefined();
    const analyze = h.callsOf('analyze');
    expect(analyze).toHaveLength(2);
    expect(h.calls).toHaveLength(2);
    // x: every field of a, b and its place in `all`; y: only the fields of `all`.
    expect(analyze.map((c) => listParam(c, 'visualFeatures').join()).sort()).toEqual([
      'Color,Description,Faces,Objects,Tags',
      'Description,Faces,Tags',
    ]);
    for (const call of analyze)
      expect(listParam(call, 'details')).toEqual(['Celebrities', 'Landmarks']);
    const data = result.data as any;
    expect(data.a.id).toBe(x);
    expect(data.all.map((i: any) => i.id)).toEqual([y, x]);
    expect(typeof data.a.caption.text).toBe('string');
    expect(data.a.caption).toEqual(data.all[1].again);
    expect(
      data.a.tags.every((t: any) => data.all[1].tags.some((u: any) => u.name === t.name)),
    ).toBe(true);
    // The black-and-white photo of four men: faces come back with pixel rectangles.
    expect(data.all[0].faces.length).toBeGreaterThan(0);
    expect(data.all[0].faces[0].rectangle.width).toBeGreaterThan(0);
    // Details came back through analyze, not through model calls.
    expect(data.b.landmarks.map((l: any) => l.name)).toContain('Colosseum');
    expect(data.all[0].celebrities.map((c: any) => c.name)).toContain('Satya Nadella');
    expect(h.callsOf('analyzeByDomain')).toHaveLength(0);

    h.reset();
    const again = await h.run(query(x, y), { cache });
    expect(again.errors).toBeUndefined();
    expect(h.calls).toHaveLength(0);
    expect(again.data).toEqual(result.data);

    h.reset();
    const more = await h.run(query(x, y, 'adult { isAdult racyScore }'), { cache });
    expect(more.errors).toBeUndefined();
    expect(h.callsOf('analyze')).toHaveLength(2);
    for (const call of h.callsOf('analyze')) {
      expect(listParam(call, 'visualFeatures')).toEqual(['Adult']);
      expect(call.query.details).toBeUndefined();
    }
  });

  it('shares one set of calls between two concurrent identical queries', async () => {
    const x = h.images.urlOf('csdf-dog.jpg');
    const cache = createMemoryFeatureCache();
    const q = `{ image(url: "${x}") { caption { text } tags { name } objects { name } } }`;
    h.reset();
    const [r1, r2] = await Promise.all([h.run(q, { cache }), h.run(q, { cache })]);
    expect(r1.errors).toBeUndefined();
    expect(r2.data).toEqual(r1.data);
    expect(h.callsOf('analyze')).toHaveLength(1);
  });

  it('lets a query for a subset wait for the call in flight instead of calling again', async () => {
    const x = h.images.urlOf('csdf-objects.jpg');
    const cache = createMemoryFeatureCache();
    h.reset();
    const [wide, narrow] = await Promise.all([
      h.run(`{ image(url: "${x}") { tags { name } color { accentColor } } }`, { cache }),
      h.run(`{ image(url: "${x}") { tags { name } } }`, { cache }),
    ]);
    expect(wide.errors).toBeUndefined();
    expect((narrow.data as any).image.tags).toEqual((wide.data as any).image.tags);
    expect(h.callsOf('analyze')).toHaveLength(1);
    expect(listParam(h.callsOf('analyze')[0]!, 'visualFeatures')).toEqual(['Color', 'Tags']);
  });

  it('answers width/height/format alone with one ImageType call, and then imageType for free', async () => {
    const x = h.images.urlOf('csdf-cheese_clipart.png');
    const cache = createMemoryFeatureCache();
    h.reset();
    const meta = await h.run(`{ image(url: "${x}") { width height format } }`, { cache });
    expect(meta.data).toEqual({ image: { width: 300, height: 225, format: 'Png' } });
    expect(h.callsOf('analyze').map((c) => listParam(c, 'visualFeatures'))).toEqual([
      ['ImageType'],
    ]);
    h.reset();
    const type = await h.run(`{ image(url: "${x}") { width imageType { clipArt } } }`, { cache });
    expect(type.errors).toBeUndefined();
    expect(h.calls).toHaveLength(0);
  });

  it('evicts old entries when the byte bound is reached, then fetches them again', async () => {
    const [a, b] = [h.images.urlOf('csdf-dog.jpg'), h.images.urlOf('csdf-house.jpg')];
    const q = (x: string) =>
      `{ image(url: "${x}") { tags { name confidence } color { accentColor } } }`;
    const probe = createMemoryFeatureCache();
    await h.run(q(a), { cache: probe });
    // Room for one image's entries (plus slack), not two.
    const cache = createMemoryFeatureCache({ maxBytes: Math.ceil(probe.size * 1.5) });
    h.reset();
    await h.run(q(a), { cache });
    await h.run(q(a), { cache });
    expect(h.callsOf('analyze')).toHaveLength(1);
    await h.run(q(b), { cache });
    expect(cache.size).toBeLessThanOrEqual(Math.ceil(probe.size * 1.5));
    h.reset();
    const again = await h.run(q(a), { cache });
    expect(again.errors).toBeUndefined();
    expect(h.callsOf('analyze')).toHaveLength(1);
  });

  it('expires URL results after urlTtlMs but keeps content-addressed uploads', async () => {
    const name = 'csdf-lion_drawing.png';
    const bytes = await readFile(new URL(`../../../testdata/images/${name}`, import.meta.url));
    const q = `query($f: File) { u: image(url: "${h.images.urlOf(name)}") { width } f: image(upload: $f) { width } }`;
    const cache = createMemoryFeatureCache();
    const run = () => h.run(q, { cache, urlTtlMs: 200, variables: { f: new File([bytes], name) } });
    h.reset();
    expect((await run()).data).toEqual({ u: { width: 300 }, f: { width: 300 } });
    expect(h.callsOf('analyze')).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 300));
    h.reset();
    expect((await run()).data).toEqual({ u: { width: 300 }, f: { width: 300 } });
    expect(h.callsOf('analyze')).toHaveLength(1); // the URL only
  });
});
