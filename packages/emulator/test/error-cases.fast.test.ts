// Every error case of spec/azure/CONTRACT.md (§6, §7, §12) answers with Azure's status and code,
// in the envelope of the API version called, with a request id.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackendBusyError,
  startEmulator,
  type LogFields,
  createStubBackend,
} from '../src/index.js';
import { answer, expectAzureError, type Envelope } from './support/expect-azure.js';
import { image, startHarness, type Harness } from './support/harness.js';
import { hugePng, hugeTiff, pdfManyPages, rleBmp, tiffPages } from '../../../testdata/bombs.js';
import { jpegOver, solidPng } from './support/images.js';
import { startStaticServer, type StaticServer } from './support/static-server.js';

let h: Harness;
let files: StaticServer;
let big: Buffer;
// The stub backend (no models): these tests are about HTTP, not analysis.
const backend = createStubBackend();

beforeAll(async () => {
  [h, files, big] = await Promise.all([
    // The image server is on loopback, so private addresses are opened here; the closed
    // default has its own tests below.
    startHarness({ backend, allowPrivateUrls: true, urlFetch: { timeoutMs: 1_000 } }),
    startStaticServer(),
    jpegOver(4 * 1024 * 1024),
  ]);
  // PDFs are opened in a decode worker that starts (from source: compiles through tsx) on the
  // first one, which takes seconds on a loaded machine: start it here, not in a case's time.
  await backend.load(pdfManyPages(1));
});
afterAll(async () => {
  await h.close();
  await files.close();
  await backend.close();
});

const V3 = '/vision/v3.2';
const V1 = '/vision/v1.0';
const png = (): Buffer => image('tjs-testocr.png');
type Send = () => Promise<Response>;
interface Case {
  name: string;
  send: Send;
  status: number;
  code: string;
  envelope: Envelope;
}

const cases = (): Case[] => [
  // gateway: key, unknown paths, wrong method
  {
    name: 'missing key',
    send: () => fetch(`${h.url}${V3}/models`),
    status: 401,
    code: '401',
    envelope: 'gateway',
  },
  {
    name: 'wrong key',
    send: () => h.get(`${V3}/models`, { 'Ocp-Apim-Subscription-Key': 'nope' }),
    status: 401,
    code: '401',
    envelope: 'gateway',
  },
  {
    name: 'v1.0 missing key',
    send: () => fetch(`${h.url}${V1}/analyze`, { method: 'POST' }),
    status: 401,
    code: '401',
    envelope: 'gateway',
  },
  {
    name: 'unknown path',
    send: () => h.get(`${V3}/nothing`),
    status: 404,
    code: '404',
    envelope: 'gateway',
  },
  {
    name: 'unknown version',
    send: () => h.post('/vision/v2.9/analyze', png()),
    status: 404,
    code: '404',
    envelope: 'gateway',
  },
  {
    name: 'wrong method',
    send: () => h.get(`${V3}/analyze`),
    status: 404,
    code: '404',
    envelope: 'gateway',
  },
  // media types (415)
  {
    name: 'text/plain',
    send: () => h.post(`${V3}/analyze`, 'hello', 'text/plain'),
    status: 415,
    code: 'UnsupportedMediaType',
    envelope: 'v3',
  },
  {
    name: 'no content type',
    send: () =>
      fetch(`${h.url}${V3}/tag`, {
        method: 'POST',
        body: png(),
        headers: { 'Ocp-Apim-Subscription-Key': h.key, 'Content-Type': '' },
      }),
    status: 415,
    code: 'UnsupportedMediaType',
    envelope: 'v3',
  },
  {
    name: 'read multipart',
    send: () => h.post(`${V3}/read/analyze`, multipart(png()).body, multipart(png()).type),
    status: 415,
    code: 'UnsupportedMediaType',
    envelope: 'flat',
  },
  {
    name: 'v1 recognizeText multipart',
    send: () => h.post(`${V1}/recognizeText`, multipart(png()).body, multipart(png()).type),
    status: 415,
    code: 'UnsupportedMediaType',
    envelope: 'flat',
  },
  // parameters
  {
    name: 'bad visual feature',
    send: () => h.post(`${V3}/analyze?visualFeatures=Tags,Sparkle`, png()),
    status: 400,
    code: 'NotSupportedVisualFeature',
    envelope: 'v3',
  },
  {
    name: 'v1 has no Objects',
    send: () => h.post(`${V1}/analyze?visualFeatures=Objects`, png()),
    status: 400,
    code: 'NotSupportedVisualFeature',
    envelope: 'flat',
  },
  {
    name: 'bad details',
    send: () => h.post(`${V3}/analyze?details=Cars`, png()),
    status: 400,
    code: 'InvalidDetails',
    envelope: 'v3',
  },
  {
    name: 'v1 bad details',
    send: () => h.post(`${V1}/analyze?details=Cars`, png()),
    status: 400,
    code: 'InvalidDetails',
    envelope: 'flat',
  },
  {
    name: 'analyze language',
    send: () => h.post(`${V3}/analyze?language=xx`, png()),
    status: 400,
    code: 'NotSupportedLanguage',
    envelope: 'v3',
  },
  {
    name: 'v1 analyze language (fr is v3-only)',
    send: () => h.post(`${V1}/analyze?language=fr`, png()),
    status: 400,
    code: 'NotSupportedLanguage',
    envelope: 'flat',
  },
  {
    name: 'describe language',
    send: () => h.post(`${V3}/describe?language=klingon`, png()),
    status: 400,
    code: 'NotSupportedLanguage',
    envelope: 'v3',
  },
  {
    name: 'tag language',
    send: () => h.post(`${V3}/tag?language=xx`, png()),
    status: 400,
    code: 'NotSupportedLanguage',
    envelope: 'v3',
  },
  {
    name: 'ocr language',
    send: () => h.post(`${V3}/ocr?language=xx`, png()),
    status: 400,
    code: 'NotSupportedLanguage',
    envelope: 'v3',
  },
  {
    name: 'read language',
    send: () => h.post(`${V3}/read/analyze?language=xx`, png()),
    status: 400,
    code: 'NotSupportedLanguage',
    envelope: 'flat',
  },
  {
    name: 'descriptionExclude',
    send: () => h.post(`${V3}/analyze?descriptionExclude=Cats`, png()),
    status: 400,
    code: 'BadArgument',
    envelope: 'v3',
  },
  {
    name: 'model-version',
    send: () => h.post(`${V3}/analyze?model-version=2019-01-01`, png()),
    status: 400,
    code: 'BadArgument',
    envelope: 'v3',
  },
  {
    name: 'read model-version',
    send: () => h.post(`${V3}/read/analyze?model-version=yesterday`, png()),
    status: 400,
    code: 'BadArgument',
    envelope: 'flat',
  },
  {
    name: 'maxCandidates 0',
    send: () => h.post(`${V3}/describe?maxCandidates=0`, png()),
    status: 400,
    code: 'BadArgument',
    envelope: 'v3',
  },
  {
    name: 'maxCandidates abc',
    send: () => h.post(`${V1}/describe?maxCandidates=abc`, png()),
    status: 400,
    code: 'BadArgument',
    envelope: 'flat',
  },
  {
    name: 'detectOrientation maybe',
    send: () => h.post(`${V3}/ocr?detectOrientation=maybe`, png()),
    status: 400,
    code: 'BadArgument',
    envelope: 'v3',
  },
  {
    name: 'recognizeText mode',
    send: () => h.post(`${V1}/recognizeText?mode=Cursive`, png()),
    status: 400,
    code: 'BadArgument',
    envelope: 'flat',
  },
  {
    name: 'thumbnail width 0',
    send: () => h.post(`${V3}/generateThumbnail?width=0&height=50`, png()),
    status: 400,
    code: 'InvalidThumbnailSize',
    envelope: 'v3',
  },
  {
    name: 'thumbnail width 1025',
    send: () => h.post(`${V3}/generateThumbnail?width=1025&height=50`, png()),
    status: 400,
    code: 'InvalidThumbnailSize',
    envelope: 'v3',
  },
  {
    name: 'thumbnail no height',
    send: () => h.post(`${V3}/generateThumbnail?width=50`, png()),
    status: 400,
    code: 'InvalidThumbnailSize',
    envelope: 'v3',
  },
  {
    name: 'thumbnail height 1.5',
    send: () => h.post(`${V3}/generateThumbnail?width=50&height=1.5`, png()),
    status: 400,
    code: 'InvalidThumbnailSize',
    envelope: 'v3',
  },
  {
    name: 'v1 thumbnail 1024',
    send: () => h.post(`${V1}/generateThumbnail?width=1024&height=50`, png()),
    status: 400,
    code: 'InvalidThumbnailSize',
    envelope: 'flat',
  },
  {
    name: 'unknown model',
    send: () => h.post(`${V3}/models/cars/analyze`, png()),
    status: 404,
    code: 'InvalidModel',
    envelope: 'v3',
  },
  {
    name: 'v1 unknown model',
    send: () => h.post(`${V1}/models/cars/analyze`, png()),
    status: 404,
    code: 'InvalidModel',
    envelope: 'flat',
  },
  {
    name: 'pages syntax',
    send: () => h.post(`${V3}/read/analyze?pages=one`, png()),
    status: 400,
    code: 'InvalidPageRange',
    envelope: 'flat',
  },
  {
    name: 'pages 0',
    send: () => h.post(`${V3}/read/analyze?pages=0`, png()),
    status: 400,
    code: 'InvalidPageRange',
    envelope: 'flat',
  },
  {
    name: 'pages beyond the document',
    send: () => h.post(`${V3}/read/analyze?pages=3-4`, png()),
    status: 400,
    code: 'InvalidPageRange',
    envelope: 'flat',
  },
  {
    name: 'pages reversed',
    send: () => h.post(`${V3}/read/analyze?pages=3-1`, png()),
    status: 400,
    code: 'InvalidPageRange',
    envelope: 'flat',
  },
  {
    name: 'readingOrder',
    send: () => h.post(`${V3}/read/analyze?readingOrder=sideways`, png()),
    status: 400,
    code: 'InvalidReadingOrder',
    envelope: 'flat',
  },
  // sizes and dimensions
  {
    name: 'over 4 MB',
    send: () => h.post(`${V3}/analyze`, big),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  {
    name: 'v1 over 4 MB',
    send: () => h.post(`${V1}/ocr`, big),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'flat',
  },
  {
    name: 'multipart over 4 MB',
    send: () => h.post(`${V3}/tag`, multipart(big).body, multipart(big).type),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  {
    name: 'URL over 4 MB',
    send: () => h.postUrl(`${V3}/analyze`, `${files.url}/endless`),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  {
    name: 'empty body',
    send: () => h.post(`${V3}/analyze`, Buffer.alloc(0)),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  {
    name: '49x49',
    send: async () => h.post(`${V3}/analyze`, await solidPng(49, 49)),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  {
    name: '16001 wide',
    send: async () => h.post(`${V3}/detect`, await solidPng(16_001, 60)),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  {
    name: '16000 wide (Azure: under 16,000)',
    send: async () => h.post(`${V3}/tag`, await solidPng(16_000, 60)),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  // headers that claim more than the bytes hold: refused from the header, nothing decoded
  {
    name: '1 KB RLE BMP claiming 16000x16000',
    send: () => h.post(`${V3}/analyze?visualFeatures=Description`, rleBmp(16_000, 16_000)),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  {
    name: 'PNG header claiming 16000x16000',
    send: () => h.post(`${V3}/describe`, hugePng(16_000, 16_000)),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  {
    name: 'read: TIFF header claiming 16000x16000',
    send: () => h.post(`${V3}/read/analyze`, hugeTiff(16_000, 16_000)),
    status: 400,
    code: 'InvalidImageDimension',
    envelope: 'flat',
  },
  {
    name: 'read: PDF of 2001 pages',
    send: () => h.post(`${V3}/read/analyze`, pdfManyPages(2_001)),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'flat',
  },
  {
    name: 'read: TIFF of 2001 pages',
    send: () => h.post(`${V3}/read/analyze`, tiffPages(2_001)),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'flat',
  },
  {
    name: 'ocr 4201 wide',
    send: async () => h.post(`${V3}/ocr`, await solidPng(4_201, 60)),
    status: 400,
    code: 'InvalidImageSize',
    envelope: 'v3',
  },
  {
    name: 'read 10001 wide',
    send: async () => h.post(`${V3}/read/analyze`, await solidPng(10_001, 60)),
    status: 400,
    code: 'InvalidImageDimension',
    envelope: 'flat',
  },
  {
    name: 'read 40 high',
    send: async () => h.post(`${V3}/read/analyze`, await solidPng(400, 40)),
    status: 400,
    code: 'InvalidImageDimension',
    envelope: 'flat',
  },
  // formats
  {
    name: 'not an image',
    send: () => h.post(`${V3}/analyze`, Buffer.from('definitely not an image')),
    status: 400,
    code: 'InvalidImageFormat',
    envelope: 'v3',
  },
  {
    name: 'truncated PNG',
    send: () => h.post(`${V3}/tag`, png().subarray(0, 200)),
    status: 400,
    code: 'InvalidImageFormat',
    envelope: 'v3',
  },
  {
    name: 'TIFF to analyze',
    send: () => h.post(`${V3}/analyze`, image('tess-eurotext.tif')),
    status: 400,
    code: 'InvalidImageFormat',
    envelope: 'v3',
  },
  {
    name: 'PDF to describe',
    send: () => h.post(`${V3}/describe`, image('csdf-printed_handwritten.pdf')),
    status: 400,
    code: 'InvalidImageFormat',
    envelope: 'v3',
  },
  {
    name: 'GIF to read',
    send: () => h.post(`${V3}/read/analyze`, image('tjs-simple.gif')),
    status: 400,
    code: 'InvalidImageFormat',
    envelope: 'flat',
  },
  {
    name: 'v1 not an image',
    send: () => h.post(`${V1}/recognizeText`, Buffer.from('GIF89a nope')),
    status: 400,
    code: 'InvalidImageFormat',
    envelope: 'flat',
  },
  // URL bodies
  {
    name: 'bad JSON',
    send: () => h.post(`${V3}/analyze`, '{"url":', 'application/json'),
    status: 400,
    code: 'BadArgument',
    envelope: 'v3',
  },
  {
    name: 'JSON without url',
    send: () => h.post(`${V3}/analyze`, '{"uri":"x"}', 'application/json'),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'malformed URL',
    send: () => h.postUrl(`${V3}/analyze`, 'not a url'),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'ftp URL',
    send: () => h.postUrl(`${V3}/analyze`, 'ftp://127.0.0.1/x.png'),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'unreachable URL',
    send: () => h.postUrl(`${V3}/analyze`, 'http://127.0.0.1:1/x.png'),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'URL 404',
    send: () => h.postUrl(`${V3}/analyze`, `${files.url}/missing.png`),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'URL to HTML',
    send: () => h.postUrl(`${V3}/analyze`, `${files.url}/page.html`),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'URL too slow',
    send: () => h.postUrl(`${V3}/tag`, `${files.url}/slow`),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'metadata IP',
    send: () => h.postUrl(`${V3}/analyze`, 'http://169.254.169.254/latest/meta-data/'),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'metadata name',
    send: () => h.postUrl(`${V3}/analyze`, 'http://metadata.google.internal/computeMetadata/v1/'),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'IPv6 link-local',
    send: () => h.postUrl(`${V3}/analyze`, 'http://[fe80::1]/x.png'),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'AWS IPv6 metadata',
    send: () => h.postUrl(`${V3}/analyze`, 'http://[fd00:ec2::254]/'),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'IPv4-mapped metadata',
    send: () => h.postUrl(`${V3}/analyze`, 'http://[::ffff:169.254.169.254]/'),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'redirect to metadata',
    send: () =>
      h.postUrl(
        `${V3}/analyze`,
        `${files.url}/redirect-to/${encodeURIComponent('http://169.254.169.254/')}`,
      ),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'v3',
  },
  {
    name: 'read URL 404',
    send: () => h.postUrl(`${V3}/read/analyze`, `${files.url}/missing.png`),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'flat',
  },
  {
    name: 'v1 URL 404',
    send: () => h.postUrl(`${V1}/analyze`, `${files.url}/missing.png`),
    status: 400,
    code: 'InvalidImageUrl',
    envelope: 'flat',
  },
  // operations
  {
    name: 'unknown read id',
    send: () => h.get(`${V3}/read/analyzeResults/00000000-0000-4000-8000-000000000000`),
    status: 404,
    code: 'InvalidRequest',
    envelope: 'flat',
  },
  {
    name: 'unknown text operation',
    send: () => h.get(`${V1}/textOperations/nope`),
    status: 404,
    code: 'BadArgument',
    envelope: 'flat',
  },
];

function multipart(file: Buffer): { body: Buffer; type: string } {
  const boundary = 'xyzBOUNDARYxyz';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('error table', () => {
  it('has a case for every listed error', () => {
    expect(cases().length).toBeGreaterThan(70);
  });
  for (const c of cases()) {
    it(`${c.name} -> ${c.status} ${c.code}`, async () => {
      const a = await answer(await c.send());
      expectAzureError(a, c.status, c.code, c.envelope);
      expect(JSON.stringify(a.body)).not.toContain(h.key);
    });
  }
});

describe('errors outside the table', () => {
  it('names the page count and the limit, and accepts exactly 2000 pages', async () => {
    const over = await answer(await h.post(`${V3}/read/analyze`, pdfManyPages(2_001)));
    expect((over.body as { message: string }).message).toBe(
      'The document has 2001 pages. PDF and TIFF documents may have at most 2000 pages.',
    );
    const at = await h.post(`${V3}/read/analyze?pages=1`, tiffPages(2_000));
    expect(at.status).toBe(202);
  });

  it('names the declared dimensions of a header it refused', async () => {
    const a = await answer(await h.post(`${V3}/analyze`, rleBmp(16_000, 16_000)));
    expect(
      (a.body as { error: { innererror: { message: string } } }).error.innererror.message,
    ).toBe(
      'Image dimension (16000*16000) is out of range. Image dimensions should be in the range of 50 x 50 and 15999 x 15999.',
    );
  });

  it('refuses a declared size over the limit before reading the body', async () => {
    const url = new URL(`${h.url}/vision/v3.2/analyze`);
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            'Ocp-Apim-Subscription-Key': h.key,
            'Content-Type': 'application/octet-stream',
            'Content-Length': String(10 * 1024 ** 3),
          },
        },
        (r) => {
          let body = '';
          r.on('data', (c: Buffer) => (body += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.innererror.code).toBe('InvalidImageSize');
  });

  it('accepts 1024 on v3.2 where v1.0 refuses it', async () => {
    const res = await h.post(`${V3}/generateThumbnail?width=1024&height=50`, png());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
  });

  it('answers 429 with Retry-After and the APIM body when rate limited', async () => {
    const limited = await startHarness({ backend, rateLimit: 2 });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 5; i += 1) {
        last = await limited.get(`${V3}/models`);
        statuses.push(last.status);
        if (last.status === 429) break;
      }
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(last!.status).toBe(429);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expectAzureError(await answer(last!), 429, '429', 'gateway');
    } finally {
      await limited.close();
    }
  });

  it('refuses hosts outside allowedHosts, including loopback', async () => {
    const strict = await startHarness({
      backend,
      allowPrivateUrls: true,
      urlFetch: { allowedHosts: ['images.example.com'] },
    });
    try {
      expectAzureError(
        await answer(await strict.postUrl(`${V3}/tag`, `${files.url}/tjs-testocr.png`)),
        400,
        'InvalidImageUrl',
        'v3',
      );
    } finally {
      await strict.close();
    }
  });

  it('answers 429 with Retry-After when a work queue of the backend is full', async () => {
    const busy = await startHarness({
      backend: {
        ...backend,
        analyze: async () => {
          throw new BackendBusyError('model worker queue', 64);
        },
        close: async () => undefined,
      },
    });
    try {
      const res = await busy.post(`${V3}/analyze?visualFeatures=Objects`, png());
      expect(res.headers.get('retry-after')).toBe('1');
      expectAzureError(await answer(res), 429, '429', 'gateway');
    } finally {
      await busy.close();
    }
  });

  it('turns an unexpected backend failure into a 500 without a stack, logs it, and keeps serving', async () => {
    const errors: { msg: string; fields: LogFields | undefined }[] = [];
    const quiet = () => undefined;
    const failing = await startEmulator({
      port: 0,
      logger: {
        debug: quiet,
        info: quiet,
        warn: quiet,
        error: (msg, fields) => void errors.push({ msg, fields }),
      },
      backend: {
        ...backend,
        analyze: async () => {
          throw new Error('boom at /srv/secret/model.ts:12');
        },
        close: async () => undefined,
      },
    });
    try {
      const headers = {
        'Ocp-Apim-Subscription-Key': failing.key,
        'Content-Type': 'application/octet-stream',
      };
      const res = await fetch(`${failing.url}${V3}/analyze`, {
        method: 'POST',
        body: png(),
        headers,
      });
      const a = await answer(res);
      expectAzureError(a, 500, 'InternalServerError', 'v3');
      expect(JSON.stringify(a.body)).not.toMatch(/boom|secret|\.ts/);
      const v1 = await answer(
        await fetch(`${failing.url}${V1}/analyze`, { method: 'POST', body: png(), headers }),
      );
      expectAzureError(v1, 500, 'InternalServerError', 'flat');
      expect((await fetch(`${failing.url}${V3}/models`, { headers })).status).toBe(200);
      // The detail goes to the operator's log, not to the client.
      expect(errors).toEqual([
        {
          msg: 'request failed inside the emulator',
          fields: { requestId: expect.any(String), error: 'boom at /srv/secret/model.ts:12' },
        },
        {
          msg: 'request failed inside the emulator',
          fields: { requestId: expect.any(String), error: 'boom at /srv/secret/model.ts:12' },
        },
      ]);
    } finally {
      await failing.close();
    }
  });
});
