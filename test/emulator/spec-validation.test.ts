// Answers validate against the official v3.2 / Read 3.2 / v1.0 OpenAPI definitions (tightened:
// no extra properties, required fields): every operation of both versions on every test image it
// accepts, and the right Azure error on every image it does not (PDF and TIFF outside Read). The
// real analysis backend runs; the emulator's analysis memo (on by default) makes the second and
// later operations on an image reuse the parts already computed, which is what keeps this file to
// a few minutes. One emulator serves the whole file, and requests run one at a time.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type Client } from './support/emulator-client.js';
import { allImages, image } from './support/loopback.js';
import { shapesOutside, type Frame } from './support/geometry.js';
import { createValidators, problems, type SpecName } from './support/spec-schemas.js';

const schema = createValidators();
let c: Client;
beforeAll(async () => {
  c = await startClient();
  // Load the models once before the timed tests (tens of seconds on a busy 2-core machine).
  const warm = await c.post(`/vision/v3.2/analyze?${ALL_V3}`, image('csdf-dog.jpg'));
  expect(warm.status).toBe(200);
}, 240_000);
afterAll(() => c.close());

const ext = (f: string): string => f.slice(f.lastIndexOf('.') + 1);
const IMAGES = allImages();
/** JPEG, PNG, GIF, BMP: the analyze family, ocr and recognizeText (all test images fit their size limits). */
const ANALYZABLE = IMAGES.filter((f) => ['jpg', 'png', 'gif', 'bmp'].includes(ext(f)));
const READABLE = IMAGES.filter((f) => ['jpg', 'png', 'bmp', 'pdf', 'tif'].includes(ext(f)));
const ALL_V3 =
  'visualFeatures=Categories,Tags,Description,Faces,ImageType,Color,Adult,Objects,Brands&details=Celebrities,Landmarks';
/** Several model calls in one test, on a machine that may be busy. */
const SLOW = 120_000;
const ALL_V1 =
  'visualFeatures=Categories,Tags,Description,Faces,ImageType,Color,Adult&details=Celebrities,Landmarks';

async function expectValid(
  res: Response,
  spec: SpecName,
  definition: string,
  status = 200,
): Promise<any> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = JSON.parse(text);
  expect(problems(schema(spec, definition), body)).toEqual([]);
  return body;
}

/** A 400 with `code` in the version's error envelope (v3.2 wrapped, v1.0 and Read flat). */
async function expectError(
  res: Response,
  spec: SpecName,
  definition: string,
  code: string,
): Promise<void> {
  const body = await expectValid(res, spec, definition, 400);
  expect(body.error?.innererror?.code ?? body.code).toBe(code);
}

async function expectThumbnail(res: Response, width: number, height: number): Promise<void> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^image\/(jpeg|png)$/);
  const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
  expect([meta.width, meta.height]).toEqual([width, height]);
}

async function imageFrame(name: string): Promise<Frame> {
  const bytes = image(name);
  // sharp reads no BMP; its header has the size at 18 and 22 (negative height: top-down rows).
  if (ext(name) === 'bmp')
    return { width: bytes.readInt32LE(18), height: Math.abs(bytes.readInt32LE(22)) };
  const { width, height, orientation } = await sharp(bytes).metadata();
  return (orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}

async function expectOperation(
  res: Response,
  spec: SpecName,
  definition: string,
  done: string[],
  /** The image's size, for v1.0 lines (Read 3.2 pages carry their own). */
  frame: Frame = { width: 0, height: 0 },
): Promise<void> {
  expect(res.status).toBe(202);
  const seen = await c.poll(res.headers.get('operation-location')!, (b) => done.includes(b.status));
  for (const body of seen) {
    expect(problems(schema(spec, definition), body)).toEqual([]);
    expect(shapesOutside(body, frame)).toEqual([]);
  }
  expect(seen.at(-1).status).toBe(done[0]);
}

describe('the tightened schemas reject unexpected shapes', () => {
  const good = {
    tags: [{ name: 'dog', confidence: 0.9 }],
    requestId: 'r',
    metadata: { width: 1, height: 1, format: 'Jpeg' },
    modelVersion: '2021-05-01',
  };
  it('accepts a well-formed answer', () =>
    expect(problems(schema('v3.2', 'ImageAnalysis'), good)).toEqual([]));
  it('rejects extra properties', () =>
    expect(problems(schema('v3.2', 'ImageAnalysis'), { ...good, extra: 1 })).not.toEqual([]));
  it('rejects a missing requestId', () =>
    expect(
      problems(schema('v3.2', 'ImageAnalysis'), { ...good, requestId: undefined }),
    ).not.toEqual([]));
  it('rejects a wrong geometry', () =>
    expect(
      problems(schema('v3.2', 'FaceDescription'), {
        age: 3,
        gender: 'Male',
        faceRectangle: '1,2,3,4',
      }),
    ).not.toEqual([]));
  it('rejects v3.2 statuses on v1.0', () =>
    expect(problems(schema('v1.0', 'TextOperationResult'), { status: 'succeeded' })).not.toEqual(
      [],
    ));
});

describe('v3.2 on every accepted image', () => {
  it('lists models', async () => {
    await expectValid(await c.get('/vision/v3.2/models'), 'v3.2', 'ListModelsResult');
    await expectValid(await c.get('/vision/v1.0/models'), 'v1.0', 'ListModelsResult');
  });
  for (const name of ANALYZABLE) {
    it(
      `analyze (all features), describe, tag, detect, ocr, thumbnail, areaOfInterest, domain models ${name}`,
      async () => {
        const body = await expectValid(
          await c.post(`/vision/v3.2/analyze?${ALL_V3}`, image(name)),
          'v3.2',
          'ImageAnalysis',
        );
        for (const key of [
          'categories',
          'adult',
          'color',
          'imageType',
          'tags',
          'description',
          'faces',
          'objects',
          'brands',
        ])
          expect(body).toHaveProperty(key);
        expect(body.modelVersion).toBe('2021-05-01');
        const frame = body.metadata as { width: number; height: number };
        expect(shapesOutside(body, frame)).toEqual([]);
        // A caption always, as Azure gives one; every detected object class is a tag too.
        expect(body.description.captions.length).toBeGreaterThan(0);
        const tagNames = body.tags.map((t: { name: string }) => t.name);
        for (const o of body.objects) expect(tagNames).toContain(o.object);
        const described = await expectValid(
          await c.post('/vision/v3.2/describe', image(name)),
          'v3.2',
          'ImageDescription',
        );
        expect(described.description.captions).toEqual(body.description.captions); // same pixels, same answer
        await expectValid(await c.post('/vision/v3.2/tag', image(name)), 'v3.2', 'TagResult');
        const detected = await expectValid(
          await c.post('/vision/v3.2/detect', image(name)),
          'v3.2',
          'DetectResult',
        );
        expect(shapesOutside(detected, frame)).toEqual([]);
        const ocr = await expectValid(
          await c.post('/vision/v3.2/ocr', image(name)),
          'v3.2',
          'OcrResult',
        );
        expect(shapesOutside(ocr, frame)).toEqual([]);
        await expectThumbnail(
          await c.post(
            '/vision/v3.2/generateThumbnail?width=64&height=48&smartCropping=true',
            image(name),
          ),
          64,
          48,
        );
        const aoi = await expectValid(
          await c.post('/vision/v3.2/areaOfInterest', image(name)),
          'v3.2',
          'AreaOfInterestResult',
        );
        const { x, y, w, h } = aoi.areaOfInterest;
        expect(
          x >= 0 &&
            y >= 0 &&
            w > 0 &&
            h > 0 &&
            x + w <= aoi.metadata.width &&
            y + h <= aoi.metadata.height,
        ).toBe(true);
        for (const model of ['celebrities', 'landmarks']) {
          const r = await expectValid(
            await c.post(`/vision/v3.2/models/${model}/analyze`, image(name)),
            'v3.2',
            'DomainModelResults',
          );
          const item = model === 'celebrities' ? 'CelebritiesModel' : 'LandmarksModel';
          for (const x of r.result[model]) expect(problems(schema('v3.2', item), x)).toEqual([]);
          expect(shapesOutside(r, frame)).toEqual([]);
          expect(Object.keys(r.result)).toEqual([model]);
        }
      },
      SLOW,
    );
  }
  it(
    'describe with maxCandidates=3',
    async () => {
      const body = await expectValid(
        await c.post('/vision/v3.2/describe?maxCandidates=3', image('csdf-faces.jpg')),
        'v3.2',
        'ImageDescription',
      );
      expect(body.description.captions.length).toBeGreaterThanOrEqual(1);
    },
    SLOW,
  );
  for (const name of READABLE) {
    it(
      `read ${name}`,
      async () => {
        await expectOperation(
          await c.post('/vision/v3.2/read/analyze', image(name)),
          'read3.2',
          'ReadOperationResult',
          ['succeeded', 'failed'],
        );
      },
      SLOW,
    );
  }
});

describe('v1.0 on every accepted image', () => {
  for (const name of ANALYZABLE) {
    it(
      `analyze, describe, tag, domain models, ocr, thumbnail ${name}`,
      async () => {
        const a = await expectValid(
          await c.post(`/vision/v1.0/analyze?${ALL_V1}`, image(name)),
          'v1.0',
          'ImageAnalysis',
        );
        expect(a).not.toHaveProperty('modelVersion');
        expect(shapesOutside(a, a.metadata)).toEqual([]);
        await expectValid(
          await c.post('/vision/v1.0/describe', image(name)),
          'v1.0',
          'ImageDescription',
        );
        await expectValid(await c.post('/vision/v1.0/tag', image(name)), 'v1.0', 'TagResult');
        const cel = await expectValid(
          await c.post('/vision/v1.0/models/celebrities/analyze', image(name)),
          'v1.0',
          'DomainModelResults',
        );
        expect(
          problems(schema('v1.0', 'CelebrityResults'), {
            ...cel.result,
            requestId: cel.requestId,
            metadata: cel.metadata,
          }),
        ).toEqual([]);
        const land = await expectValid(
          await c.post('/vision/v1.0/models/landmarks/analyze', image(name)),
          'v1.0',
          'DomainModelResults',
        );
        expect(
          problems(schema('v1.0', 'LandmarkResults'), {
            ...land.result,
            requestId: land.requestId,
            metadata: land.metadata,
          }),
        ).toEqual([]);
        await expectValid(
          await c.post('/vision/v1.0/ocr?language=unk&detectOrientation=true', image(name)),
          'v1.0',
          'OcrResult',
        );
        await expectThumbnail(
          await c.post(
            '/vision/v1.0/generateThumbnail?width=50&height=50&smartCropping=true',
            image(name),
          ),
          50,
          50,
        );
      },
      SLOW,
    );
    it(
      `recognizeText ${name}`,
      async () => {
        await expectOperation(
          await c.post('/vision/v1.0/recognizeText?mode=Printed', image(name)),
          'v1.0',
          'TextOperationResult',
          ['Succeeded', 'Failed'],
          await imageFrame(name),
        );
      },
      SLOW,
    );
  }
});

describe('images an operation does not accept get the Azure error', () => {
  for (const name of IMAGES.filter((f) => !ANALYZABLE.includes(f))) {
    it(`analyze family, ocr and recognizeText reject ${name} (InvalidImageFormat)`, async () => {
      for (const path of [
        'analyze',
        'describe',
        'tag',
        'detect',
        'ocr',
        'areaOfInterest',
        'generateThumbnail?width=50&height=50',
        'models/celebrities/analyze',
      ]) {
        await expectError(
          await c.post(`/vision/v3.2/${path}`, image(name)),
          'v3.2',
          'ComputerVisionErrorResponse',
          'InvalidImageFormat',
        );
      }
      for (const path of [
        'analyze',
        'describe',
        'tag',
        'ocr',
        'generateThumbnail?width=50&height=50',
        'models/landmarks/analyze',
        'recognizeText?mode=Printed',
      ]) {
        await expectError(
          await c.post(`/vision/v1.0/${path}`, image(name)),
          'v1.0',
          'ComputerVisionError',
          'InvalidImageFormat',
        );
      }
    });
  }
  for (const name of IMAGES.filter((f) => !READABLE.includes(f))) {
    it(`read rejects ${name} (InvalidImageFormat)`, async () => {
      await expectError(
        await c.post('/vision/v3.2/read/analyze', image(name)),
        'read3.2',
        'ComputerVisionOcrError',
        'InvalidImageFormat',
      );
    });
  }
  it('ocr rejects an image larger than 4200 px (InvalidImageSize) that analyze accepts', async () => {
    const wide = await sharp({
      create: { width: 4300, height: 60, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    await expectError(
      await c.post('/vision/v3.2/ocr', wide),
      'v3.2',
      'ComputerVisionErrorResponse',
      'InvalidImageSize',
    );
    await expectError(
      await c.post('/vision/v1.0/ocr', wide),
      'v1.0',
      'ComputerVisionError',
      'InvalidImageSize',
    );
  });
});

describe('errors validate against their definitions', () => {
  it('v3.2 wrapped errors', async () => {
    const body = await expectValid(
      await c.post('/vision/v3.2/analyze?visualFeatures=Nope', image('csdf-dog.jpg')),
      'v3.2',
      'ComputerVisionErrorResponse',
      400,
    );
    expect(body.error.innererror.code).toBe('NotSupportedVisualFeature');
    await expectValid(
      await c.post('/vision/v3.2/tag', 'not an image'),
      'v3.2',
      'ComputerVisionErrorResponse',
      400,
    );
    await expectValid(
      await c.post('/vision/v3.2/generateThumbnail?width=2000&height=5', image('csdf-dog.jpg')),
      'v3.2',
      'ComputerVisionErrorResponse',
      400,
    );
  });
  it('Read 3.2 flat errors', async () => {
    await expectValid(
      await c.post('/vision/v3.2/read/analyze?readingOrder=up', image('csdf-dog.jpg')),
      'read3.2',
      'ComputerVisionOcrError',
      400,
    );
    await expectValid(
      await c.post('/vision/v3.2/read/analyze?pages=x', image('csdf-dog.jpg')),
      'read3.2',
      'ComputerVisionOcrError',
      400,
    );
    await expectValid(
      await c.get('/vision/v3.2/read/analyzeResults/2b1a4d2e-0000-4000-8000-000000000000'),
      'read3.2',
      'ComputerVisionOcrError',
      404,
    );
  });
  it('v1.0 flat errors', async () => {
    await expectValid(
      await c.post('/vision/v1.0/analyze?visualFeatures=Brands', image('csdf-dog.jpg')),
      'v1.0',
      'ComputerVisionError',
      400,
    );
    await expectValid(
      await c.post('/vision/v1.0/analyze', Buffer.from('nope')),
      'v1.0',
      'ComputerVisionError',
      400,
    );
    await expectValid(
      await c.post('/vision/v1.0/ocr?language=xx', image('csdf-dog.jpg')),
      'v1.0',
      'ComputerVisionError',
      400,
    );
  });
});
