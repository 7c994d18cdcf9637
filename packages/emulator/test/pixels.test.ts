// Answers come from the pixels, seen over HTTP: face counts, OCR accuracy against the known
// text, a smart thumbnail that keeps the face, and a landmark found in an edited copy.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from './support/backend.js';
import { image, startHarness, type Harness } from './support/harness.js';
import { wordAccuracy } from './support/word-accuracy.js';

const backend = testBackend();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ backend });
});
afterAll(async () => {
  await h.close();
  await backend.close();
});

const json = async (res: Response): Promise<any> => {
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text);
};
const faceCount = async (bytes: Buffer): Promise<number> =>
  (await json(await h.post('/vision/v3.2/analyze?visualFeatures=Faces', bytes))).faces.length;

// testdata/TRUTH.md
const TESTOCR =
  'This is a lot of 12 point text to test the ocr code and see if it works on all types of file format. ' +
  'The quick brown dog jumped over the lazy fox. The quick brown dog jumped over the lazy fox. The quick brown dog ' +
  'jumped over the lazy fox. The quick brown dog jumped over the lazy fox.';

describe('answers come from the pixels', () => {
  it('counts faces: six in the family photo, one astronaut, none in the house or the dog', async () => {
    const counts = {
      family: await faceCount(image('csdf-faces.jpg')),
      astronaut: await faceCount(image('skimage-astronaut.png')),
      house: await faceCount(image('csdf-house.jpg')),
      dog: await faceCount(image('csdf-dog.jpg')),
    };
    expect(counts.family).toBe(6); // testdata/TRUTH.md: a family of 6
    expect(counts.astronaut).toBe(1);
    expect(counts.house).toBe(0);
    expect(counts.dog).toBe(0);
  });

  it('reads tjs-testocr.png with /ocr at >= 95% word accuracy', async () => {
    const body = await json(await h.post('/vision/v3.2/ocr?language=en', image('tjs-testocr.png')));
    const text = body.regions
      .flatMap((r: any) => r.lines.map((l: any) => l.words.map((w: any) => w.text).join(' ')))
      .join(' ');
    expect(wordAccuracy(TESTOCR, text)).toBeGreaterThanOrEqual(0.95);
  });

  it('reads tjs-testocr.png with Read 3.2 at >= 95% word accuracy', async () => {
    const res = await h.post('/vision/v3.2/read/analyze', image('tjs-testocr.png'));
    const location = res.headers.get('operation-location')!;
    let body: any;
    for (let i = 0; i < 300; i += 1) {
      body = await (await h.get(location.slice(h.url.length))).json();
      if (body.status === 'succeeded' || body.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(body.status).toBe('succeeded');
    const text = body.analyzeResult.readResults[0].lines.map((l: any) => l.text).join(' ');
    expect(wordAccuracy(TESTOCR, text)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the face in a smart-cropped thumbnail of the astronaut, where a centre crop loses it', async () => {
    // A wide strip (4:1) of a square portrait: the centre strip misses the face, which sits high.
    const smart = Buffer.from(
      await (
        await h.post(
          '/vision/v3.2/generateThumbnail?width=400&height=100&smartCropping=true',
          image('skimage-astronaut.png'),
        )
      ).arrayBuffer(),
    );
    const centre = Buffer.from(
      await (
        await h.post(
          '/vision/v3.2/generateThumbnail?width=400&height=100&smartCropping=false',
          image('skimage-astronaut.png'),
        )
      ).arrayBuffer(),
    );
    expect((await sharp(smart).metadata()).width).toBe(400);
    expect(smart.equals(centre)).toBe(false);
    expect(await faceCount(smart)).toBe(1);
    expect(await faceCount(centre)).toBe(0);
  });

  it('recognises the gallery landmark in a resized, cropped, recompressed copy sent as bytes', async () => {
    const src = image('csdf-landmark.jpg'); // 600x399
    const edited = await sharp(src)
      .resize(420)
      .extract({ left: 40, top: 30, width: 340, height: 220 })
      .jpeg({ quality: 45 })
      .toBuffer();
    const found = await json(await h.post('/vision/v3.2/models/landmarks/analyze', edited));
    expect(found.result.landmarks[0]?.name).toBe('Colosseum');
    expect(found.metadata).toEqual({ width: 340, height: 220, format: 'Jpeg' });
    const none = await json(
      await h.post('/vision/v3.2/models/landmarks/analyze', image('csdf-house.jpg')),
    );
    expect(none.result.landmarks).toEqual([]);
  });
});
