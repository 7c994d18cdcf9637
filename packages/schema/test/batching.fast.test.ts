// Upstream calls per query against the emulator on its stub backend (no models): its answers
// follow from each image's size and format by fixed rules (emulator src/stub-backend.ts), so the
// values that travel through the resolvers are known exactly.
import { createStubBackend } from '@visiongraph/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createMemoryFeatureCache } from '../src/index.js';
import { type Harness, listParam, startHarness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ backend: createStubBackend() });
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
    const tags = [{ name: 'landscape' }, { name: 'jpeg' }];
    // x is 600x399, y 800x516: the stub's face is the centre quarter of each.
    const xFaces = [{ age: 30, rectangle: { x: 150, y: 99, width: 300, height: 199 } }];
    const yFaces = [{ age: 30, rectangle: { x: 200, y: 129, width: 400, height: 258 } }];
    expect(data.a).toEqual({
      id: x,
      caption: { text: 'a 600x399 jpeg image' },
      tags,
      faces: xFaces,
      celebrities: [],
    });
    expect(data.b).toEqual({
      objects: [{ name: 'rectangle', rectangle: { x: 0 } }],
      color: { accentColor: expect.stringMatching(/^[0-9A-F]{6}$/) },
      landmarks: [],
    });
    expect(data.all).toEqual([
      {
        id: y,
        faces: yFaces,
        celebrities: [],
        tags,
        landmarks: [],
        again: { text: 'a 800x516 jpeg image' },
      },
      { id: x, faces: xFaces, celebrities: [], tags, landmarks: [], again: data.a.caption },
    ]);
    // Details came back through analyze, not through model calls.
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
    expect(r1.data).toEqual({
      image: {
        caption: { text: 'a 600x450 jpeg image' },
        tags: [{ name: 'landscape' }, { name: 'jpeg' }],
        objects: [{ name: 'rectangle' }],
      },
    });
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
    expect((wide.data as any).image.tags).toEqual([{ name: 'landscape' }, { name: 'jpeg' }]);
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
    expect((type.data as any).image.width).toBe(300);
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
    // A virtual clock: the TTL runs out when the test says so, not after a real wait.
    let now = 1_000; // lru-cache reads a start time of 0 as 'no TTL'
    const cache = createMemoryFeatureCache({ now: () => now });
    const run = () => h.run(q, { cache, urlTtlMs: 200, variables: { f: new File([bytes], name) } });
    h.reset();
    expect((await run()).data).toEqual({ u: { width: 300 }, f: { width: 300 } });
    expect(h.callsOf('analyze')).toHaveLength(2);
    now += 200; // still fresh at exactly the TTL
    h.reset();
    expect((await run()).data).toEqual({ u: { width: 300 }, f: { width: 300 } });
    expect(h.calls).toHaveLength(0);
    now += 1;
    h.reset();
    expect((await run()).data).toEqual({ u: { width: 300 }, f: { width: 300 } });
    expect(h.callsOf('analyze')).toHaveLength(1); // the URL only
  });
});
