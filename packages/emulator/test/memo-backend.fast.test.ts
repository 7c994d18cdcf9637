// The memo decorator against a counting fake inner backend: the fake is the one right choice here,
// since what is under test is which inner calls the decorator makes.
import { describe, expect, it } from 'vitest';
import type {
  AnalyzeRequest,
  AnalyzeResult,
  LoadedImage,
  VisionBackend,
} from '../src/analysis/types.js';
import { createMemoBackend } from '../src/memo-backend.js';
import { resolveOptions } from '../src/options.js';
import { everyFeature, NOTHING_FLAGGED } from '../src/analysis/fixed-answers.js';

const ALL = everyFeature(1);

function fake() {
  const calls: { op: string; req?: AnalyzeRequest }[] = [];
  let gate: Promise<void> = Promise.resolve();
  let failNext = false;
  const inner: VisionBackend = {
    load: async (bytes) => ({ bytes, format: 'Png', width: 1, height: 1, pages: 1 }),
    async analyze(img, req, opts) {
      calls.push({ op: 'analyze', req });
      await gate;
      if (opts?.signal?.aborted) throw new Error('aborted');
      if (failNext) {
        failNext = false;
        throw new Error('boom');
      }
      const out: AnalyzeResult = {};
      // The answer depends on the bytes, so a key by identity or by content shows in the results.
      if (req.tags) out.tags = [{ name: img.bytes.toString(), confidence: 1 }];
      if (req.faces) out.faces = [];
      if (req.description)
        out.description = {
          tags: [],
          captions: [{ text: `n=${req.description.maxCandidates}`, confidence: 1 }],
        };
      if (req.categories)
        out.categories = [{ name: req.celebrities ? 'people_' : 'others_', score: 1 }];
      if (req.celebrities) out.celebrities = [];
      for (const k of ['objects', 'brands', 'landmarks'] as const) if (req[k]) out[k] = [];
      if (req.color)
        out.color = {
          dominantColorForeground: 'Red',
          dominantColorBackground: 'Red',
          dominantColors: [],
          accentColor: '000000',
          isBWImg: false,
        };
      if (req.imageType) out.imageType = { clipArtType: 0, lineDrawingType: 0 };
      if (req.adult) out.adult = { ...NOTHING_FLAGGED };
      return out;
    },
    async thumbnail(_img, w, h) {
      calls.push({ op: 'thumbnail' });
      return { data: Buffer.from(`${w}x${h}`), contentType: 'image/png' };
    },
    async areaOfInterest() {
      calls.push({ op: 'areaOfInterest' });
      return { x: 0, y: 0, w: 1, h: 1 };
    },
    async smartCrops(_img, ratios) {
      calls.push({ op: 'smartCrops' });
      return (ratios ?? [1]).map((aspectRatio) => ({
        aspectRatio,
        rect: { x: 0, y: 0, w: 1, h: 1 },
      }));
    },
    async ocr() {
      calls.push({ op: 'ocr' });
      return { language: 'en', textAngle: 0, orientation: 'Up', regions: [] };
    },
    async read() {
      calls.push({ op: 'read' });
      return [];
    },
    close: async () => undefined,
  };
  return {
    inner,
    calls,
    hold() {
      let open!: () => void;
      gate = new Promise((r) => {
        open = r;
      });
      return () => open();
    },
    failOnce() {
      failNext = true;
    },
  };
}

const img = (text: string): LoadedImage => ({
  bytes: Buffer.from(text),
  format: 'Png',
  width: 1,
  height: 1,
  pages: 1,
});

describe('analysis memo', () => {
  it('reuses parts: analyze all, then describe and tag are free; a new part asks only for that part', async () => {
    const f = fake();
    const memo = createMemoBackend(f.inner);
    await memo.analyze(img('a'), ALL);
    expect(await memo.analyze(img('a'), { description: { maxCandidates: 1 } })).toEqual({
      description: { tags: [], captions: [{ text: 'n=1', confidence: 1 }] },
    });
    expect(await memo.analyze(img('a'), { tags: true })).toEqual({
      tags: [{ name: 'a', confidence: 1 }],
    });
    expect(f.calls).toHaveLength(1);
    await memo.analyze(img('a'), { description: { maxCandidates: 3 }, tags: true });
    expect(f.calls.map((c) => c.req)).toEqual([ALL, { description: { maxCandidates: 3 } }]);
  });

  it('keys category details by whether celebrities or landmarks were asked', async () => {
    const f = fake();
    const memo = createMemoBackend(f.inner);
    expect((await memo.analyze(img('a'), { categories: true })).categories![0]!.name).toBe(
      'others_',
    );
    expect(await memo.analyze(img('a'), { categories: true, celebrities: true })).toEqual({
      categories: [{ name: 'people_', score: 1 }],
      celebrities: [],
    });
    expect(f.calls.map((c) => c.req)).toEqual([
      { categories: true },
      { categories: true, celebrities: true, landmarks: undefined },
    ]);
  });

  it('keys by content, not by object identity', async () => {
    const f = fake();
    const memo = createMemoBackend(f.inner);
    await memo.analyze(img('same'), { tags: true });
    await memo.analyze(img('same'), { tags: true }); // another Buffer, same bytes
    expect(f.calls).toHaveLength(1);
    expect((await memo.analyze(img('other'), { tags: true })).tags![0]!.name).toBe('other');
    expect(f.calls).toHaveLength(2);
  });

  it('memoises thumbnail, areaOfInterest, ocr and read by their parameters', async () => {
    const f = fake();
    const memo = createMemoBackend(f.inner);
    for (let i = 0; i < 2; i += 1) {
      await memo.thumbnail(img('a'), 10, 20, true);
      await memo.areaOfInterest(img('a'));
      await memo.ocr(img('a'), { language: 'en', detectOrientation: true });
      await memo.read(img('a'), { readingOrder: 'basic' });
    }
    expect(f.calls.map((c) => c.op)).toEqual(['thumbnail', 'areaOfInterest', 'ocr', 'read']);
    expect((await memo.thumbnail(img('a'), 10, 21, true)).data.toString()).toBe('10x21');
    await memo.ocr(img('a'), { language: 'unk', detectOrientation: true });
    await memo.read(img('a'), { readingOrder: 'natural' });
    expect(f.calls).toHaveLength(7);
  });

  it('hands out copies, so a caller editing its answer does not change the memo', async () => {
    const memo = createMemoBackend(fake().inner);
    const first = await memo.analyze(img('a'), { tags: true });
    first.tags![0]!.name = 'edited';
    const thumb = await memo.thumbnail(img('a'), 1, 1, false);
    thumb.data.fill(0);
    expect((await memo.analyze(img('a'), { tags: true })).tags![0]!.name).toBe('a');
    expect((await memo.thumbnail(img('a'), 1, 1, false)).data.toString()).toBe('1x1');
  });

  it('computes once for two concurrent identical calls', async () => {
    const f = fake();
    const memo = createMemoBackend(f.inner);
    const open = f.hold();
    const both = Promise.all([
      memo.analyze(img('a'), { tags: true, faces: true }),
      memo.analyze(img('a'), { tags: true }),
    ]);
    open();
    const [a, b] = await both;
    expect(a.tags).toEqual(b.tags);
    expect(f.calls).toHaveLength(1);
  });

  it('does not keep a failed computation', async () => {
    const f = fake();
    const memo = createMemoBackend(f.inner);
    f.failOnce();
    await expect(memo.analyze(img('a'), { tags: true })).rejects.toThrow('boom');
    expect((await memo.analyze(img('a'), { tags: true })).tags).toHaveLength(1);
    expect(f.calls).toHaveLength(2);
  });

  it('aborts the inner call only when every waiter left, and does not keep it', async () => {
    const f = fake();
    const memo = createMemoBackend(f.inner);
    const open = f.hold();
    const gone = new AbortController();
    const first = memo.analyze(img('a'), { tags: true }, { signal: gone.signal });
    const second = memo.analyze(img('a'), { tags: true });
    gone.abort(new Error('client left'));
    await expect(first).rejects.toThrow('client left');
    open();
    expect((await second).tags).toHaveLength(1); // the other waiter still gets its answer
    expect(f.calls).toHaveLength(1);

    const alone = new AbortController();
    const hold = f.hold();
    const lone = memo.analyze(img('b'), { tags: true }, { signal: alone.signal });
    alone.abort(new Error('gone'));
    await expect(lone).rejects.toThrow('gone');
    hold();
    await memo.analyze(img('b'), { tags: true });
    expect(f.calls).toHaveLength(3); // the aborted one was not kept
  });

  it('forgets the least recently used image beyond maxImages', async () => {
    const f = fake();
    const memo = createMemoBackend(f.inner, { maxImages: 2 });
    await memo.analyze(img('a'), { tags: true });
    await memo.analyze(img('b'), { tags: true });
    await memo.analyze(img('a'), { tags: true }); // a is now the most recent
    await memo.analyze(img('c'), { tags: true }); // evicts b
    expect(f.calls).toHaveLength(3);
    await memo.analyze(img('a'), { tags: true });
    expect(f.calls).toHaveLength(3);
    await memo.analyze(img('b'), { tags: true });
    expect(f.calls).toHaveLength(4);
  });
});

describe('analysisMemo option', () => {
  it('defaults to 64 images, false turns it off, bad values name the option', () => {
    expect(resolveOptions({}).analysisMemo).toEqual({ maxImages: 64 });
    expect(resolveOptions({ analysisMemo: { maxImages: 3 } }).analysisMemo).toEqual({
      maxImages: 3,
    });
    expect(resolveOptions({ analysisMemo: false }).analysisMemo).toBeUndefined();
    expect(() => resolveOptions({ analysisMemo: { maxImages: 0 } })).toThrow(
      /analysisMemo\.maxImages/,
    );
    expect(() => resolveOptions({ analysisMemo: 'yes' as never })).toThrow(/analysisMemo/);
  });
});
