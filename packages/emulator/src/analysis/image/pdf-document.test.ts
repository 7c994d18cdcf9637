import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageDecodeError } from '../types.js';
import { pdfImageBomb } from '../../../../../testdata/bombs.js';
import { inspectPdf, pdfPageSize, renderPdfPage } from './pdf-document.js';

/** A one-page PDF with a correct xref table; `extra` goes into the page dictionary. */
function makePdf(content: string, extra = ''): Buffer {
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    `<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 120]${extra}/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>`,
    // Helvetica is not embedded: its outlines must come from pdf.js's own standard font files.
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>',
    `<</Length ${content.length}>>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// Before anything has loaded pdf.js (pdf-document imports it only when a PDF arrives).
const nodeHasNavigator = 'navigator' in globalThis;
const text = makePdf('BT /F1 80 Tf 10 30 Td (Hi) Tj ET');

/** Pixels darker than mid-grey in an RGB raster. */
const darkPixels = (data: Buffer): number => {
  let n = 0;
  for (let i = 0; i < data.length; i += 3) if (data[i]! + data[i + 1]! + data[i + 2]! < 384) n++;
  return n;
};

/** First and last column holding a dark pixel. */
function inkColumns(r: { data: Buffer; width: number; height: number }): {
  first: number;
  last: number;
} {
  let first = Infinity;
  let last = -1;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 3;
      if (r.data[i]! + r.data[i + 1]! + r.data[i + 2]! < 384)
        [first, last] = [Math.min(first, x), Math.max(last, x)];
    }
  }
  return { first, last };
}

describe('pdf-document', () => {
  afterEach(() => vi.restoreAllMocks());

  it('draws text in a standard font the PDF does not embed, with the real font from disk', async () => {
    const r = await renderPdfPage(text, 1, 2);
    expect([r.width, r.height, r.channels, r.scale]).toEqual([400, 240, 3, 2]);
    // Helvetica's metrics (AFM): H has a left bearing of 79/1000 em, "Hi" ends at (722 + 155)/1000
    // em. At 80 pt, 2 px per point, from x = 10 pt: ink from 32.6 px to 160.3 px. A substitute
    // system font (what pdf.js falls back to without its font files) ends near 182 px.
    const ink = inkColumns(r);
    expect(ink.first).toBeGreaterThanOrEqual(31);
    expect(ink.first).toBeLessThanOrEqual(35);
    expect(ink.last).toBeGreaterThanOrEqual(157);
    expect(ink.last).toBeLessThanOrEqual(162);
    expect(darkPixels(r.data)).toBeGreaterThan(3_000);
  });

  it('reports and renders a page with /Rotate 90 upright, as a viewer shows it', async () => {
    const turned = makePdf('BT /F1 80 Tf 10 30 Td (Hi) Tj ET', '/Rotate 90');
    expect(await inspectPdf(turned)).toEqual({ pages: 1, first: { width: 120, height: 200 } });
    const r = await renderPdfPage(turned, 1, 1);
    expect([r.width, r.height]).toEqual([120, 200]);
  });

  it('lowers the scale so the longest side stays within the render limit', async () => {
    const r = await renderPdfPage(text, 1, 100);
    expect([r.width, r.height]).toEqual([6000, 3600]);
    expect(r.scale).toBe(30);
  });

  it.each([
    ['a PDF cut in half', () => makePdf('BT /F1 80 Tf 10 30 Td (Hi) Tj ET').subarray(0, 120)],
    [
      'a page tree without pages',
      () =>
        Buffer.from(
          makePdf('').toString('latin1').replace('/Kids[3 0 R]/Count 1', '/Kids[]/Count 0'),
          'latin1',
        ),
    ],
  ])('rejects %s with ImageDecodeError', async (_name, bytes) => {
    await expect(inspectPdf(bytes())).rejects.toBeInstanceOf(ImageDecodeError);
  });

  it('rejects a page number the document does not have', async () => {
    await expect(pdfPageSize(text, 2)).rejects.toThrow(new ImageDecodeError('PDF has no page 2'));
    await expect(renderPdfPage(text, 0, 1)).rejects.toBeInstanceOf(ImageDecodeError);
  });

  it('prints nothing for a damaged PDF', async () => {
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    // A wrong xref offset and an unknown operator: pdf.js repairs both, with warnings by default.
    const damaged = Buffer.from(
      makePdf('BT /F1 80 Tf 10 30 Td (Hi) Tj ET bogus')
        .toString('latin1')
        .replace(/startxref\n\d+/, 'startxref\n7'),
      'latin1',
    );
    const r = await renderPdfPage(damaged, 1, 1);
    expect(darkPixels(r.data)).toBeGreaterThan(500);
    expect([...log.mock.calls, ...warn.mock.calls, ...error.mock.calls]).toEqual([]);
  });

  it('leaves no navigator global behind on Node 20 (other libraries sniff it to detect a browser)', async () => {
    await renderPdfPage(text, 1, 1);
    expect('navigator' in globalThis).toBe(nodeHasNavigator);
  });

  it('leaves out an embedded image over MAX_PDF_IMAGE_PIXELS instead of decoding it', async () => {
    // 7000 x 7000 black pixels (49 MP, over the 36 MP bound) cover the page: skipped, it stays white.
    const huge = await renderPdfPage(pdfImageBomb(7_000), 1, 0.1);
    expect(darkPixels(huge.data)).toBe(0);
    // The same page with a 100 x 100 image is drawn black (all but the anti-aliased edge).
    const small = await renderPdfPage(pdfImageBomb(100), 1, 0.1);
    expect(darkPixels(small.data)).toBeGreaterThan(0.95 * small.width * small.height);
  });
});
