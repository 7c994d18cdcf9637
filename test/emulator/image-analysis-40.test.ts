// Image Analysis 4.0 (`POST /computervision/imageanalysis:analyze`, api-version 2023-10-01):
// every answer validates against the official 4.0 definitions (tightened like the v3.2 ones),
// boxes stay inside the image, Azure's 4.0 errors come back in Azure.Core's envelope with
// `x-ms-error-code`, and Microsoft's own JS client (@azure-rest/ai-vision-image-analysis) works
// unchanged against the emulator, every feature by URL and by bytes. One emulator for the file;
// its analysis memo lets the per-feature calls reuse the detections of the first.
import * as imageAnalysis from '@azure-rest/ai-vision-image-analysis';
import { AzureKeyCredential } from '@azure/core-auth';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type Client } from './support/emulator-client.js';
import { image, serveImages, type ImageServer } from './support/loopback.js';
import { createValidators, problems } from './support/spec-schemas.js';

const schema = createValidators();
const PATH = '/computervision/imageanalysis:analyze';
const Q = 'api-version=2023-10-01';
const ALL = 'caption,denseCaptions,tags,objects,people,smartCrops,read';
const SLOW = 120_000;
let c: Client;
let files: ImageServer;

beforeAll(async () => {
  // The test images are served from loopback, which the emulator refuses unless told.
  [c, files] = await Promise.all([startClient({ allowPrivateUrls: true }), serveImages()]);
  // Load the models once before the timed tests (tens of seconds on a busy 2-core machine).
  expect((await c.post(`${PATH}?${Q}&features=tags`, image('csdf-objects.jpg'))).status).toBe(200);
}, 240_000);
afterAll(async () => {
  await c.close();
  await files.close();
});

async function valid(res: Response, definition = 'ImageAnalysisResult', status = 200) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = JSON.parse(text);
  expect(problems(schema('ia4.0', definition), body)).toEqual([]);
  return body;
}

/** Azure's 4.0 error: status, top-level code in body and header, the specific code inside. */
async function azureError(res: Response, status: number, code: string, inner?: string) {
  const body = await valid(res, 'Azure.Core.Foundations.ErrorResponse', status);
  expect(res.headers.get('x-ms-error-code')).toBe(code);
  expect(body.error.code).toBe(code);
  expect(body.error.innererror?.code).toBe(inner);
  return body;
}

type Box = { x: number; y: number; w: number; h: number };
function expectInside(box: Box, width: number, height: number): void {
  expect(box.x >= 0 && box.y >= 0 && box.w > 0 && box.h > 0, JSON.stringify(box)).toBe(true);
  expect(box.x + box.w <= width && box.y + box.h <= height, JSON.stringify(box)).toBe(true);
}
function everyBox(body: any): Box[] {
  return [
    ...(body.denseCaptionsResult?.values ?? []),
    ...(body.objectsResult?.values ?? []),
    ...(body.peopleResult?.values ?? []),
    ...(body.smartCropsResult?.values ?? []),
  ].map((v) => v.boundingBox);
}

describe('every feature on images 4.0 accepts, validated against the 4.0 spec', () => {
  for (const name of [
    'csdf-faces.jpg',
    'csdf-objects.jpg',
    'tjs-testocr.png',
    'csdf-lion_drawing.png',
    'tjs-simple.gif',
    'tjs-simple.bmp',
    'tess-eurotext.tif',
  ]) {
    it(
      name,
      async () => {
        const body = await valid(
          await c.post(
            `${PATH}?${Q}&features=${ALL}&smartcrops-aspect-ratios=0.75,1,1.8`,
            image(name),
          ),
        );
        const { width, height } = body.metadata;
        if (!name.endsWith('.bmp')) {
          const meta = await sharp(image(name)).metadata(); // sharp reads no BMP
          expect([width, height]).toEqual([meta.width, meta.height]);
        }
        expect(body.modelVersion).toBe('2023-10-01');
        for (const key of [
          'denseCaptionsResult',
          'objectsResult',
          'peopleResult',
          'readResult',
          'smartCropsResult',
          'tagsResult',
        ])
          expect(body).toHaveProperty(key);
        for (const box of everyBox(body)) expectInside(box, width, height);
        for (const line of body.readResult.blocks[0]?.lines ?? [])
          for (const p of line.boundingPolygon)
            expect(p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height).toBe(true);
        expect(body.readResult.blocks.length).toBeLessThanOrEqual(1);
        expect(body.captionResult.text.length).toBeGreaterThan(0);
        expect(body.smartCropsResult.values.map((v: any) => v.aspectRatio)).toEqual([0.75, 1, 1.8]);
        for (const { aspectRatio, boundingBox: b } of body.smartCropsResult.values)
          expect(Math.abs(b.w / b.h - aspectRatio)).toBeLessThan(0.02);
        const dense = body.denseCaptionsResult.values;
        expect(dense.length).toBeLessThanOrEqual(10);
        expect(dense[0].boundingBox).toEqual({ x: 0, y: 0, w: width, h: height });
        expect(dense[0].text).toBe(body.captionResult.text);
      },
      SLOW,
    );
  }

  it(
    'sees the people, the text and the skateboard that are there',
    async () => {
      const faces = await valid(
        await c.post(`${PATH}?${Q}&features=people,denseCaptions`, image('csdf-faces.jpg')),
      );
      expect(faces.peopleResult.values.length).toBeGreaterThanOrEqual(3);
      expect(faces.denseCaptionsResult.values.length).toBeGreaterThanOrEqual(3);
      const text = await valid(
        await c.post(`${PATH}?${Q}&features=read`, image('tjs-testocr.png')),
      );
      const words = text.readResult.blocks[0].lines.map((l: any) => l.text).join(' ');
      expect(words).toMatch(/quick brown dog/);
      const sk = await valid(
        await c.post(`${PATH}?${Q}&features=objects,caption`, image('csdf-objects.jpg')),
      );
      expect(sk.objectsResult.values.map((o: any) => o.tags[0].name)).toContain('skateboard');
      expect(sk).not.toHaveProperty('tagsResult');
    },
    SLOW,
  );

  it(
    'gender-neutral captions name no man, woman, boy or girl',
    async () => {
      const plain = await valid(
        await c.post(`${PATH}?${Q}&features=caption,denseCaptions`, image('csdf-objects.jpg')),
      );
      const neutral = await valid(
        await c.post(
          `${PATH}?${Q}&features=caption,denseCaptions&gender-neutral-caption=true`,
          image('csdf-objects.jpg'),
        ),
      );
      const texts = (b: any) => [
        b.captionResult.text,
        ...b.denseCaptionsResult.values.map((v: any) => v.text),
      ];
      expect(texts(plain).join(' ')).toMatch(/\b(man|woman|boy|girl)\b/);
      for (const t of texts(neutral)) expect(t).not.toMatch(/\b(man|woman|boy|girl|men|women)\b/);
      expect(texts(neutral)).toHaveLength(texts(plain).length);
    },
    SLOW,
  );

  it(
    'without ratios picks one crop between 0.5 and 2.0; a URL body gives the same answer as bytes',
    async () => {
      const bytes = await valid(
        await c.post(`${PATH}?${Q}&features=smartCrops,tags`, image('csdf-faces.jpg')),
      );
      expect(bytes.smartCropsResult.values).toHaveLength(1);
      const [crop] = bytes.smartCropsResult.values;
      expect(crop.aspectRatio).toBeGreaterThanOrEqual(0.5);
      expect(crop.aspectRatio).toBeLessThanOrEqual(2);
      const byUrl = await valid(
        await c.post(
          `${PATH}?${Q}&features=smartCrops,tags`,
          JSON.stringify({ url: `${files.url}/csdf-faces.jpg` }),
          'application/json',
        ),
      );
      expect(byUrl).toEqual(bytes);
    },
    SLOW,
  );
});

describe("Azure's 4.0 errors", () => {
  const dog = () => image('csdf-dog.jpg');
  it('parameters: features required, unknown feature, ratio range, language, booleans, model-version', async () => {
    await azureError(await c.post(`${PATH}?${Q}`, dog()), 400, 'InvalidRequest');
    await azureError(
      await c.post(`${PATH}?${Q}&features=faces`, dog()),
      400,
      'InvalidRequest',
      'NotSupportedVisualFeature',
    );
    for (const r of ['0.5', '1.81', 'abc', ''])
      if (r)
        await azureError(
          await c.post(`${PATH}?${Q}&features=smartCrops&smartcrops-aspect-ratios=${r}`, dog()),
          400,
          'InvalidRequest',
          'BadArgument',
        );
    const body = await azureError(
      await c.post(`${PATH}?${Q}&features=smartCrops&smartcrops-aspect-ratios=1,2`, dog()),
      400,
      'InvalidRequest',
      'BadArgument',
    );
    expect(body.error.innererror.message).toMatch(/not in allowed range \[0\.75 to 1\.8\]/);
    await azureError(
      await c.post(`${PATH}?${Q}&features=caption&language=fr`, dog()),
      400,
      'InvalidRequest',
      'NotSupportedLanguage',
    );
    await azureError(
      await c.post(`${PATH}?${Q}&features=tags&language=xx`, dog()),
      400,
      'InvalidRequest',
      'NotSupportedLanguage',
    );
    await azureError(
      await c.post(`${PATH}?${Q}&features=caption&gender-neutral-caption=maybe`, dog()),
      400,
      'InvalidRequest',
      'BadArgument',
    );
    await azureError(
      await c.post(`${PATH}?${Q}&features=caption&model-version=2021-05-01`, dog()),
      400,
      'InvalidRequest',
      'BadArgument',
    );
    // French tags are allowed (only tags exist in other languages).
    await valid(await c.post(`${PATH}?${Q}&features=tags&language=fr`, dog()));
  });

  it('images: too large (20 MB), not an image, too small, wrong content type, a URL that does not exist', async () => {
    const tooLarge = await azureError(
      await c.post(`${PATH}?${Q}&features=tags`, Buffer.alloc(20 * 1024 * 1024 + 1, 1)),
      400,
      'InvalidRequest',
      'InvalidImageSize',
    );
    expect(tooLarge.error.message).toBe(
      'The image size is not allowed to be zero or larger than 20971520 bytes.',
    );
    await azureError(
      await c.post(`${PATH}?${Q}&features=tags`, Buffer.from('not an image')),
      400,
      'InvalidRequest',
      'InvalidImageFormat',
    );
    await azureError(
      await c.post(`${PATH}?${Q}&features=tags`, image('csdf-printed_handwritten.pdf')),
      400,
      'InvalidRequest',
      'InvalidImageFormat',
    );
    const tiny = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    await azureError(
      await c.post(`${PATH}?${Q}&features=tags`, tiny),
      400,
      'InvalidRequest',
      'InvalidImageSize',
    );
    await azureError(
      await c.post(`${PATH}?${Q}&features=tags`, dog(), 'text/plain'),
      400,
      'InvalidRequest',
      'UnsupportedMediaType',
    );
    await azureError(
      await c.post(
        `${PATH}?${Q}&features=tags`,
        JSON.stringify({ url: `${files.url}/no-such-image.jpg` }),
        'application/json',
      ),
      400,
      'InvalidRequest',
      'InvalidImageUrl',
    );
  });

  it('gateway answers: a wrong key (401), an api-version this service lacks (404)', async () => {
    const res = await fetch(`${c.url}${PATH}?${Q}&features=tags`, {
      method: 'POST',
      body: new Uint8Array(dog()),
      headers: { 'Ocp-Apim-Subscription-Key': 'wrong', 'Content-Type': 'application/octet-stream' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-ms-error-code')).toBe('401');
    expect(((await res.json()) as any).error.code).toBe('401');
    expect(
      (await c.post(`${PATH}?api-version=2022-10-12-preview&features=tags`, dog())).status,
    ).toBe(404);
    expect((await c.post(`${PATH}?features=tags`, dog())).status).toBe(404);
  });
});

describe("Microsoft's @azure-rest/ai-vision-image-analysis, unchanged", () => {
  // The package is CommonJS with `exports.default = createClient`.
  const createClient = ((imageAnalysis as any).default?.default ??
    (imageAnalysis as any).default) as (
    endpoint: string,
    key: AzureKeyCredential,
    options?: { allowInsecureConnection?: boolean },
  ) => any;
  const { isUnexpected } = imageAnalysis;
  // The emulator listens on plain http; the Azure pipeline refuses that unless told.
  const client = () =>
    createClient(c.url, new AzureKeyCredential(c.key), { allowInsecureConnection: true });
  const FEATURES = ['caption', 'denseCaptions', 'tags', 'objects', 'people', 'smartCrops', 'read'];
  const RESULT: Record<string, string> = {
    caption: 'captionResult',
    denseCaptions: 'denseCaptionsResult',
    tags: 'tagsResult',
    objects: 'objectsResult',
    people: 'peopleResult',
    smartCrops: 'smartCropsResult',
    read: 'readResult',
  };

  for (const mode of ['bytes', 'url'] as const) {
    it(
      `every feature by ${mode}`,
      async () => {
        const ia = client();
        for (const feature of FEATURES) {
          const res = await ia.path('/imageanalysis:analyze').post(
            mode === 'bytes'
              ? {
                  body: image('csdf-faces.jpg'),
                  contentType: 'application/octet-stream',
                  queryParameters: {
                    features: [feature],
                    'smartCrops-aspect-ratios': [0.9, 1.33],
                    'gender-neutral-caption': true,
                  },
                }
              : {
                  body: { url: `${files.url}/csdf-faces.jpg` },
                  contentType: 'application/json',
                  queryParameters: {
                    features: [feature],
                    'smartCrops-aspect-ratios': [0.9, 1.33],
                    'gender-neutral-caption': true,
                  },
                },
          );
          expect(isUnexpected(res), JSON.stringify(res.body)).toBe(false);
          expect(res.status).toBe('200');
          expect(problems(schema('ia4.0', 'ImageAnalysisResult'), res.body)).toEqual([]);
          expect(Object.keys(res.body).sort()).toEqual(
            ['metadata', 'modelVersion', RESULT[feature]].sort(),
          );
          if (feature === 'smartCrops')
            expect(res.body.smartCropsResult.values.map((v: any) => v.aspectRatio)).toEqual([
              0.9, 1.33,
            ]);
          if (feature === 'people') expect(res.body.peopleResult.values.length).toBeGreaterThan(0);
        }
      },
      SLOW,
    );
  }

  it(
    'its error cases: isUnexpected, Azure.Core body, the 4.0 codes',
    async () => {
      const ia = client();
      const post = (
        queryParameters: Record<string, unknown>,
        body: unknown = image('csdf-dog.jpg'),
      ) =>
        ia.path('/imageanalysis:analyze').post({
          body,
          contentType: Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json',
          queryParameters,
        });
      const cases: Array<[Record<string, unknown>, unknown, string | undefined]> = [
        [{ features: ['faces'] }, undefined, 'NotSupportedVisualFeature'],
        [{ features: ['smartCrops'], 'smartCrops-aspect-ratios': [2.5] }, undefined, 'BadArgument'],
        [{ features: ['caption'], language: 'de' }, undefined, 'NotSupportedLanguage'],
        [{ features: ['tags'] }, { url: `${files.url}/missing.png` }, 'InvalidImageUrl'],
        [{ features: ['tags'] }, Buffer.from('GIF89a but not really'), 'InvalidImageFormat'],
      ];
      for (const [query, body, inner] of cases) {
        const res = await post(query, body);
        expect(isUnexpected(res)).toBe(true);
        expect(res.status).toBe('400');
        expect(res.body.error.code).toBe('InvalidRequest');
        expect(res.body.error.innererror?.code).toBe(inner);
        expect(res.headers['x-ms-error-code']).toBe('InvalidRequest');
      }
      const denied = await createClient(c.url, new AzureKeyCredential('not-the-key'), {
        allowInsecureConnection: true,
      })
        .path('/imageanalysis:analyze')
        .post({
          body: image('csdf-dog.jpg'),
          contentType: 'application/octet-stream',
          queryParameters: { features: ['tags'] },
        });
      expect(isUnexpected(denied)).toBe(true);
      expect(denied.status).toBe('401');
    },
    SLOW,
  );
});
