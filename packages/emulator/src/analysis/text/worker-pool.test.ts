import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { testImage } from '../image/__tests__/test-images.js';
import { TesseractPool } from './worker-pool.js';

const pool = new TesseractPool(2);
afterAll(() => pool.close());

const png = await sharp(testImage('tjs-simple.gif')).png().toBuffer();
const read = (lang: 'eng' | 'deu') =>
  pool.use(lang, async (w) => (await w.recognize(png)).data.text.trim());

describe('TesseractPool', () => {
  it('runs more jobs than workers, two at a time', async () => {
    let running = 0;
    let most = 0;
    let twoRunning: () => void = () => {};
    const bothIn = new Promise<void>((resolve) => (twoRunning = resolve));
    // Each job waits (up to 5 s) for a second one to be running: with one worker they never overlap.
    const job = () =>
      pool.use('eng', async (w) => {
        most = Math.max(most, ++running);
        if (running === 2) twoRunning();
        await Promise.race([bothIn, new Promise((r) => setTimeout(r, 5_000))]);
        const { data } = await w.recognize(png);
        running--;
        return data.text.trim();
      });
    expect(await Promise.all([job(), job(), job(), job()])).toEqual(Array(4).fill('Tesseract.js'));
    expect(most).toBe(2);
  }, 60_000);

  it('switches a worker to another language when asked', async () => {
    expect(await Promise.all([read('deu'), read('eng'), read('deu')])).toEqual(
      Array(3).fill('Tesseract.js'),
    );
  }, 60_000);

  it('lets idle workers go, so a process that forgets close() still exits', () => {
    // A child process runs one job on a pool with a 200 ms idle time and never closes it.
    const pool = new URL('./worker-pool.ts', import.meta.url).href;
    const gif = fileURLToPath(
      new URL('../../../../../testdata/images/tjs-simple.gif', import.meta.url),
    );
    const script = `import { TesseractPool } from '${pool}';
      const p = new TesseractPool(1, 200);
      console.log(await p.use('eng', async (w) => (await w.recognize('${gif}')).data.text.trim()));`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ocr-pool-')), 'forgets-close.mts');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.error).toBeUndefined(); // no timeout: the process ended on its own
    expect(run.stdout.trim()).toBe('Tesseract.js');
    expect(run.status).toBe(0);
  }, 60_000);

  it('refuses a caller with BackendBusyError once maxWaiting callers wait', async () => {
    const small = new TesseractPool(1, 60_000, 1);
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const holding = small.use('eng', async () => gate.then(() => 'first'));
    const waiting = small.use('eng', async () => 'second');
    await expect(small.use('eng', async () => 'third')).rejects.toMatchObject({
      name: 'BackendBusyError',
    });
    open();
    expect(await Promise.all([holding, waiting])).toEqual(['first', 'second']);
    await small.close();
  }, 60_000);

  it('refuses work once closed', async () => {
    const closed = new TesseractPool(1);
    await closed.close();
    await expect(closed.use('eng', async () => 1)).rejects.toThrow(/closed/);
  });
});
