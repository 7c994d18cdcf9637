import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryFeatureCache } from '../src/index.js';
import { type Harness, startHarness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('operations besides analyze', () => {
  it('makes one thumbnail call per distinct size and returns base64 and a data URL', async () => {
    const x = h.images.urlOf('skimage-astronaut.png');
    h.reset();
    const result = await h.run(`{ image(url: "${x}") {
      t1: thumbnail(width: 64, height: 64) { contentType byteSize base64 dataUrl width smartCropping }
      t2: thumbnail(width: 64, height: 64, smartCropping: true) { byteSize }
      t3: thumbnail(width: 32, height: 64, smartCropping: false) { width height smartCropping }
    } }`);
    expect(result.errors).toBeUndefined();
    const calls = h.callsOf('generateThumbnail').map((c) => c.query);
    expect(calls).toHaveLength(2);
    expect(calls).toContainEqual(
      expect.objectContaining({ width: '64', height: '64', smartCropping: 'true' }),
    );
    expect(calls).toContainEqual(
      expect.objectContaining({ width: '32', height: '64', smartCropping: 'false' }),
    );
    const { t1, t2, t3 } = (result.data as any).image;
    expect(t1.byteSize).toBe(Buffer.from(t1.base64, 'base64').length);
    expect(t1.byteSize).toBeGreaterThan(0);
    expect(t1.dataUrl).toBe(`data:${t1.contentType};base64,${t1.base64}`);
    expect(t1).toMatchObject({ width: 64, smartCropping: true });
    expect(t2.byteSize).toBe(t1.byteSize);
    expect(t3).toEqual({ width: 32, height: 64, smartCropping: false });
  });

  it('submits one read per (language, readingOrder) and polls it to completion', async () => {
    const x = h.images.urlOf('tjs-testocr.png');
    h.reset();
    const result = await h.run(`{ image(url: "${x}") {
      a: text { text lines { text polygon { points { x y } } boundingRectangle { x y width height } words { text confidence } } pages { number unit } }
      b: text(readingOrder: NATURAL) { text }
      c: text(readingOrder: BASIC) { text }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(
      h
        .callsOf('read')
        .map((c) => c.query.readingOrder)
        .sort(),
    ).toEqual(['basic', 'natural']);
    expect(h.callsOf('getReadResult').length).toBeGreaterThanOrEqual(2);
    const { a, b } = (result.data as any).image;
    expect(a.text).toContain('The quick brown dog jumped');
    expect(a.text).toBe(a.lines.map((l: any) => l.text).join('\n'));
    expect(b.text).toBe(a.text);
    expect(a.pages[0]).toEqual({ number: 1, unit: 'pixel' });
    const line = a.lines[0];
    expect(line.polygon.points).toHaveLength(4);
    const xs = line.polygon.points.map((p: any) => p.x);
    expect(line.boundingRectangle.x).toBe(Math.floor(Math.min(...xs)));
  });

  it('runs ocr once per (language, detectOrientation) with lines, words and plain text', async () => {
    const x = h.images.urlOf('tjs-testocr.png');
    h.reset();
    const result = await h.run(`{ image(url: "${x}") {
      a: ocr { text language lines { text rectangle { width } words { text } } words { text rectangle { x y width height } } }
      b: ocr(language: "unk", detectOrientation: true) { text }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(h.callsOf('ocr')).toHaveLength(1);
    const { a, b } = (result.data as any).image;
    expect(b.text).toBe(a.text);
    expect(a.text).toContain('The quick brown dog jumped');
    expect(a.text).toBe(
      a.lines.map((l: any) => l.words.map((w: any) => w.text).join(' ')).join('\n'),
    );
    expect(a.words.length).toBeGreaterThan(0);
    expect(a.words[0].rectangle.width).toBeGreaterThan(0);
  });

  it('uses describe only for captions(max > 1) and analyze for caption and captions(max: 1)', async () => {
    const x = h.images.urlOf('csdf-dog.jpg');
    h.reset();
    const result = await h.run(`{ image(url: "${x}") {
      caption { text } one: captions(max: 1) { text } three: captions(max: 3) { text confidence }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(h.callsOf('analyze')).toHaveLength(1);
    expect(h.callsOf('describe').map((c) => c.query.maxCandidates)).toEqual(['3']);
    const image = (result.data as any).image;
    expect(image.one).toEqual([image.caption]);
    expect(image.three.length).toBeGreaterThanOrEqual(1);
    expect(image.three.length).toBeLessThanOrEqual(3);
  });

  it('analyzes an upload by its bytes, keyed by SHA-256, and reads the areaOfInterest and models', async () => {
    const bytes = await readFile(
      new URL('../../../testdata/images/csdf-house.jpg', import.meta.url),
    );
    const upload = new File([bytes], 'house.jpg', { type: 'image/jpeg' });
    let reads = 0;
    const read = upload.arrayBuffer.bind(upload);
    upload.arrayBuffer = () => (reads++, read());
    const cache = createMemoryFeatureCache();
    const q = `query($f: File) {
      image(upload: $f) { id url width height areaOfInterest { x y width height } }
      again: image(upload: $f) { id height }
      models { name categories }
    }`;
    h.reset();
    const first = await h.run(q, { cache, variables: { f: upload } });
    expect(first.errors).toBeUndefined();
    expect(reads).toBe(1);
    expect((first.data as any).again).toEqual({ id: (first.data as any).image.id, height: 480 });
    const image = (first.data as any).image;
    expect(image.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(image).toMatchObject({ url: null, width: 640, height: 480 });
    expect(image.areaOfInterest.width).toBeGreaterThan(0);
    expect((first.data as any).models.map((m: any) => m.name).sort()).toEqual([
      'celebrities',
      'landmarks',
    ]);
    expect(h.calls.map((c) => c.operation).sort()).toEqual([
      'analyze',
      'areaOfInterest',
      'listModels',
    ]);
    h.reset();
    const same = new File([bytes], 'other-name.jpg');
    const second = await h.run(q, { cache, variables: { f: same } });
    expect(second.data).toEqual(first.data);
    expect(h.calls).toHaveLength(0);
  });
});
