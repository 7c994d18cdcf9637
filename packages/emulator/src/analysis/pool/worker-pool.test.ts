// The pool's queueing, cancellation and failure handling, on the real landmark worker task.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { LogFields } from '../../logger.js';
import { testImage } from '../image/__tests__/test-images.js';
import { shippedGalleryDir } from '../recognition/gallery-files.js';
import type { RawImage } from './protocol.js';
import { WorkerPool } from './worker-pool.js';

let pool: WorkerPool;
let colosseum: RawImage;

beforeAll(async () => {
  pool = new WorkerPool(1, { galleryDirs: [shippedGalleryDir()] }, { maxQueued: 1 });
  const { data, info } = await sharp(testImage('csdf-landmark.jpg'))
    .greyscale()
    .resize({ width: 480 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  colosseum = { data, width: info.width, height: info.height };
  await pool.run('landmarks', { image: colosseum });
}, 120_000);
afterAll(() => pool.close());

it('drops a queued task whose request was aborted, without waiting for the running one', async () => {
  const first = pool.run('landmarks', { image: colosseum });
  let firstDone = false;
  first.then(
    () => (firstDone = true),
    () => {}, // reported by the `await first` below
  );
  const ac = new AbortController();
  const second = pool.run('landmarks', { image: colosseum }, ac.signal);
  ac.abort();
  await expect(second).rejects.toMatchObject({ name: 'AbortError', code: 'ANALYSIS_ABORTED' });
  expect(firstDone).toBe(false);
  expect((await first).map((m) => m.name)).toEqual(['Colosseum']);
}, 60_000);

it('refuses a task with BackendBusyError when maxQueued tasks already wait', async () => {
  const running = pool.run('landmarks', { image: colosseum });
  const queued = pool.run('landmarks', { image: colosseum });
  await expect(pool.run('landmarks', { image: colosseum })).rejects.toMatchObject({
    name: 'BackendBusyError',
  });
  const names = await Promise.all([running, queued]);
  expect(names.map((found) => found.map((m) => m.name))).toEqual([['Colosseum'], ['Colosseum']]);
}, 60_000);

it('never starts a task for a request that is already aborted', async () => {
  await expect(
    pool.run('landmarks', { image: colosseum }, AbortSignal.abort()),
  ).rejects.toMatchObject({ code: 'ANALYSIS_ABORTED' });
});

it('reports a failing task as MODEL_FAILED and keeps serving', async () => {
  const broken: RawImage = { data: new Uint8Array(10), width: 2, height: 2 }; // more bytes than pixels
  await expect(pool.run('landmarks', { image: broken })).rejects.toMatchObject({
    code: 'MODEL_FAILED',
  });
  expect((await pool.run('landmarks', { image: colosseum })).map((m) => m.name)).toEqual([
    'Colosseum',
  ]);
}, 60_000);

it('settles running and queued tasks when closed, and refuses new ones', async () => {
  const own = new WorkerPool(1, { galleryDirs: [shippedGalleryDir()] });
  const running = expect(own.run('landmarks', { image: colosseum })).rejects.toMatchObject({
    code: 'MODEL_FAILED',
  });
  const queued = expect(own.run('landmarks', { image: colosseum })).rejects.toMatchObject({
    code: 'MODEL_FAILED',
  });
  await own.close();
  await running;
  await queued;
  await expect(own.run('landmarks', { image: colosseum })).rejects.toMatchObject({
    code: 'MODEL_FAILED',
  });
}, 60_000);

it('names an unreadable user gallery picture in the failure', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vg-bad-gallery-'));
  await mkdir(path.join(dir, 'landmarks', 'Broken'), { recursive: true });
  await writeFile(path.join(dir, 'landmarks', 'Broken', 'broken.jpg'), 'not a jpeg');
  const own = new WorkerPool(1, { galleryDirs: [shippedGalleryDir(), dir] });
  try {
    await expect(own.run('landmarks', { image: colosseum })).rejects.toMatchObject({
      code: 'MODEL_FAILED',
      message: expect.stringContaining('broken.jpg'),
    });
  } finally {
    await own.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);

it("hands what a model library prints in the worker to the pool's logger", async () => {
  const lines: { level: string; msg: string; fields?: LogFields }[] = [];
  const record =
    (level: string) =>
    (msg: string, fields?: LogFields): void => {
      lines.push({ level, msg, ...(fields && { fields }) });
    };
  const logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const own = new WorkerPool(1, { galleryDirs: [shippedGalleryDir()] }, { logger });
  try {
    const grey = { data: new Uint8Array(64 * 64 * 3).fill(128), width: 64, height: 64 };
    expect(Object.keys(await own.run('nsfw', { image: grey })).sort()).toEqual([
      'Drawing',
      'Hentai',
      'Neutral',
      'Porn',
      'Sexy',
    ]);
    // nsfwjs' "you're using the model" notice, printed with console.info inside the worker
    await vi.waitFor(() =>
      expect(lines).toContainEqual({
        level: 'debug',
        msg: 'model worker output',
        fields: { text: expect.stringContaining("You're using the model: 'MobileNetV2'") },
      }),
    );
    expect(lines.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  } finally {
    await own.close();
  }
}, 60_000);
