// Uploaded bytes meant to hurt the decoder: nothing, not an image, 16000x16000 images in 1 to
// 32 KB, and a PDF of thousands of pages. Each must be refused with its code before the work it
// asks for is done: quickly, and without the gateway growing by the size it declares.
import type { Attack, Observation } from './attack.js';
import { deflatedTiff, hugePng, pdfManyPages, rleBmp } from '../../testdata/bombs.js';
import { codesOf, postUpload, type Answer } from './graphql-http.js';

const PIXELS =
  'query Pixels($file: File!) { image(upload: $file) { width color { accentColor } } }';
const TEXT = 'query Text($file: File!) { image(upload: $file) { text { text } } }';

function refusal(answer: Answer, allowed: string[]): Observation {
  const codes = codesOf(answer);
  const image = answer.body?.data?.['image'];
  const data = image && (image.width != null || image.color != null || image.text != null);
  const observed = data
    ? `data: ${JSON.stringify(image).slice(0, 60)}`
    : codes.join(',') || `HTTP ${answer.status}, no error`;
  return { observed, ok: !data && codes.length > 0 && codes.every((c) => allowed.includes(c)) };
}

const upload = (
  name: string,
  expected: string[],
  bound: Attack['bound'],
  query: string,
  file: () => Buffer,
  fileName: string,
): Attack => ({
  name,
  expected: expected.join(' or '),
  bound,
  run: async (ctx) =>
    refusal(await postUpload(ctx.gateway.url, query, file(), fileName, 20_000), expected),
});

export const INPUT_ATTACKS: Attack[] = [
  upload(
    '0-byte upload',
    ['INVALID_IMAGE', 'BAD_USER_INPUT'],
    { ms: 2_000, mb: 30 },
    PIXELS,
    () => Buffer.alloc(0),
    'empty.png',
  ),
  upload(
    'not an image (text as .jpg)',
    ['INVALID_IMAGE'],
    { ms: 2_000, mb: 30 },
    PIXELS,
    () => Buffer.from('this is not an image\n'.repeat(50)),
    'notes.jpg',
  ),
  upload(
    'BMP (RLE) 16000x16000 in 1 KB',
    ['IMAGE_TOO_LARGE'],
    { ms: 10_000, mb: 100 },
    PIXELS,
    () => rleBmp(16_000, 16_000),
    'bomb.bmp',
  ),
  upload(
    'PNG 16000x16000 in 31 KB',
    ['IMAGE_TOO_LARGE'],
    { ms: 10_000, mb: 100 },
    PIXELS,
    () => hugePng(16_000, 16_000, { rows: 16_000, bitDepth: 1 }), // complete and valid
    'bomb.png',
  ),
  // Analyze takes no TIFF (Azure answers InvalidImageFormat); Read does, up to 10,000 px a side,
  // and answers InvalidImageDimension past that, which the schema calls INVALID_IMAGE.
  upload(
    'TIFF 16000x16000 in 31 KB, read',
    ['INVALID_IMAGE'],
    { ms: 10_000, mb: 100 },
    TEXT,
    () => deflatedTiff(16_000, 16_000),
    'bomb.tif',
  ),
  upload(
    'PDF of 3000 pages, 460 KB',
    ['IMAGE_TOO_LARGE'],
    { ms: 10_000, mb: 150 },
    TEXT,
    () => pdfManyPages(3_000),
    'pages.pdf',
  ),
];
