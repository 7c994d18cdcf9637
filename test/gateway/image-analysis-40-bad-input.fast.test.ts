// Bad input for Image Analysis 4.0 fields, as a GraphQL client meets it: the gateway against the
// emulator over loopback HTTP (stub backend: these errors come before any model would run; the
// emulator may fetch loopback URLs so the image host below is reachable). Each failure is the
// coded error of today with Azure's 4.0 code in `extensions.upstreamCode`.
// Unknown features cannot be asked through GraphQL (the schema only sends the features of its
// fields), so that case is tested one level down: core against the emulator.
import { createStubBackend, startEmulator } from '@visiongraph/emulator';
import { createVisionClient } from '@visiongraph/core';
import { toGraphQLError } from '@visiongraph/schema';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestImages, type TestImageServer } from '../../testdata/serve-images.js';
import { countByOperation, TEST_KEY, useStack } from './helpers/stack.js';

const TWENTY_MB = 20 * 1024 * 1024;
const stack = useStack(
  { visionApi: '4.0' },
  { backend: createStubBackend(), allowPrivateUrls: true },
);

let host: TestImageServer;
beforeAll(async () => {
  // 16,001 px is one over 4.0's largest side; the file itself is small.
  const wide = await sharp({
    create: { width: 16_001, height: 60, channels: 3, background: '#777' },
  })
    .png()
    .toBuffer();
  host = await serveTestImages((path, res) => {
    if (path === '/over-20mb.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(TWENTY_MB + 1, 1));
      return true;
    }
    if (path === '/wide.png') {
      res.writeHead(200, { 'content-type': 'image/png' }).end(wide);
      return true;
    }
    return false;
  });
});
afterAll(async () => host?.close());

const FIELDS = 'people { confidence } denseCaptions { text }';

/** Runs one 4.0 query for `url`; returns the errors by field and the emulator calls. */
async function errorsFor(url: string) {
  const { body, calls } = await stack.gqlWithCalls(
    `query Bad($u: URL!) { image(url: $u) { ${FIELDS} } }`,
    { u: url },
  );
  expect(body.data!['image']).toEqual({ people: null, denseCaptions: null });
  const byField = new Map(body.errors!.map((e) => [e.path!.join('.'), e]));
  return { byField, calls };
}

describe('Image Analysis 4.0 bad input through GraphQL', () => {
  it('an image over 20 MB: IMAGE_TOO_LARGE, upstreamCode InvalidImageSize, one 4.0 call', async () => {
    const { byField, calls } = await errorsFor(host.urlOf('over-20mb.jpg'));
    expect(countByOperation(calls)).toEqual({ imageAnalysis: 1 });
    for (const field of ['image.people', 'image.denseCaptions']) {
      expect(byField.get(field)).toMatchObject({
        message: 'The image is larger than the vision service accepts.',
        extensions: {
          code: 'IMAGE_TOO_LARGE',
          upstreamCode: 'InvalidImageSize',
          upstreamStatus: 400,
        },
      });
    }
  });

  it('an image wider than 16,000 px: IMAGE_TOO_LARGE, upstreamCode InvalidImageSize', async () => {
    const { byField } = await errorsFor(host.urlOf('wide.png'));
    expect(byField.get('image.people')?.extensions).toMatchObject({
      code: 'IMAGE_TOO_LARGE',
      upstreamCode: 'InvalidImageSize',
      upstreamStatus: 400,
    });
  });

  it('a URL that does not exist: INVALID_IMAGE, upstreamCode InvalidImageUrl', async () => {
    // A host that answers 404, and an address where nothing listens (port 9, discard).
    for (const url of [host.urlOf('no-such-image.jpg'), 'http://127.0.0.1:9/nothing.jpg']) {
      const { byField } = await errorsFor(url);
      expect(byField.get('image.people'), url).toMatchObject({
        message: 'The image could not be fetched, or is not an image the vision service accepts.',
        extensions: { code: 'INVALID_IMAGE', upstreamCode: 'InvalidImageUrl', upstreamStatus: 400 },
      });
    }
    expect(host.hits).toContain('/no-such-image.jpg');
  });
});

describe('an unknown 4.0 feature (core against the emulator: GraphQL cannot send one)', () => {
  it('core refuses with the code the emulator answers, which the schema maps to BAD_USER_INPUT', async () => {
    const requests: string[] = [];
    const emulator = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      key: TEST_KEY,
      backend: createStubBackend(),
      allowPrivateUrls: true,
      onRequest: (info) => requests.push(info.operation),
    });
    const client = createVisionClient({ endpoint: emulator.url, key: TEST_KEY });
    try {
      const url = host.urlOf('csdf-dog.jpg');
      // What Azure's contract says the service answers (asked directly, without core).
      const raw = await fetch(
        `${emulator.url}/computervision/imageanalysis:analyze?api-version=2023-10-01&features=faces`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'ocp-apim-subscription-key': TEST_KEY },
          body: JSON.stringify({ url }),
        },
      );
      expect(raw.status).toBe(400);
      const answer = (await raw.json()) as { error: { innererror?: { code?: string } } };
      expect(answer.error.innererror?.code).toBe('NotSupportedVisualFeature');
      expect(requests).toEqual(['imageAnalysis']);

      // Core refuses the same request before sending it, with the same code.
      const error = await client.analyzeImage(url, { features: ['tags', 'faces' as 'tags'] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ kind: 'invalid_input', code: 'NotSupportedVisualFeature' });
      expect(requests).toEqual(['imageAnalysis']);
      expect(toGraphQLError(error).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        upstreamCode: 'NotSupportedVisualFeature',
      });
    } finally {
      await client.close();
      await emulator.close();
    }
  });
});
