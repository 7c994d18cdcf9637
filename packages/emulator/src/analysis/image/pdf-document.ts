import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ImageDecodeError, ImageLimitError } from '../types.js';
import { MAX_PDF_IMAGE_PIXELS, MAX_PDF_PAGE_POINTS, MAX_PDF_RENDER_SIDE } from './limits.js';
import type { RawPixels } from './decode-bmp.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDoc = import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy;
type PdfPage = import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy;
type RenderParameters = Parameters<PdfPage['render']>[0];

let pdfjsModule: Promise<PdfJs> | undefined;
// pdf.js (legacy build, the one meant for Node) is large: only load it when a PDF arrives.
// On import it installs DOMMatrix/ImageData/Path2D from @napi-rs/canvas (it needs them to
// draw) and a stub `navigator` when Node has none; that stub is removed again so other
// libraries' browser detection does not change once a PDF has been seen.
const loadPdfJs = (): Promise<PdfJs> =>
  (pdfjsModule ??= (async () => {
    const hadNavigator = 'navigator' in globalThis;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    void pdfjs.FeatureTest.platform; // cached now: it reads `navigator` on first use
    if (!hadNavigator) Reflect.deleteProperty(globalThis, 'navigator');
    return pdfjs;
  })());

// The package's own data folders, read from disk (pdf.js in Node reads these URLs with fs):
// standard fonts for PDFs that do not embed them, CMaps for CJK text, ICC profiles and the
// wasm decoders (JPEG 2000, colour management). Nothing is fetched over the network.
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const dataDir = (name: string): string => join(pdfjsRoot, name) + '/';

/** Page size in points (1/72 inch), i.e. pixels at 72 dpi. */
export interface PdfPageSize {
  width: number;
  height: number;
}

async function withDocument<T>(bytes: Buffer, use: (doc: PdfDoc) => Promise<T>): Promise<T> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js refuses a Buffer; a copy also keeps the caller's bytes intact
    verbosity: pdfjs.VerbosityLevel.ERRORS, // damaged-file warnings are the client's problem
    standardFontDataUrl: dataDir('standard_fonts'),
    cMapUrl: dataDir('cmaps'),
    iccUrl: dataDir('iccs'),
    wasmUrl: dataDir('wasm'),
    isEvalSupported: false, // no generated code for PostScript functions in untrusted PDFs
    stopAtErrors: false,
    maxImageSize: MAX_PDF_IMAGE_PIXELS, // bigger embedded images are skipped, never decoded
  });
  try {
    let doc: PdfDoc;
    try {
      doc = await task.promise;
    } catch (err) {
      throw new ImageDecodeError(`PDF cannot be opened: ${(err as Error).message}`);
    }
    return await use(doc);
  } catch (err) {
    if (err instanceof ImageDecodeError || err instanceof ImageLimitError) throw err;
    throw new ImageDecodeError(`PDF cannot be read: ${(err as Error).message}`);
  } finally {
    await task.destroy();
  }
}

/** Size after the page's /Rotate, from its crop box (what a viewer shows). */
function sizeOf(page: PdfPage): PdfPageSize {
  const { width, height } = page.getViewport({ scale: 1 });
  if (!(width > 0 && height > 0 && width <= MAX_PDF_PAGE_POINTS && height <= MAX_PDF_PAGE_POINTS)) {
    throw new ImageDecodeError(`PDF page ${page.pageNumber} has an unusable size`);
  }
  return { width, height };
}

async function loadPage(doc: PdfDoc, page: number): Promise<PdfPage> {
  if (!Number.isInteger(page) || page < 1 || page > doc.numPages) {
    throw new ImageDecodeError(`PDF has no page ${page}`);
  }
  return doc.getPage(page);
}

/**
 * Page count and the size of page 1; throws ImageDecodeError for a broken or empty PDF, and
 * ImageLimitError for more than `maxPages` pages (counted from the page tree, nothing rendered).
 */
export function inspectPdf(
  bytes: Buffer,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<{ pages: number; first: PdfPageSize }> {
  return withDocument(bytes, async (doc) => {
    const pages = doc.numPages;
    if (pages < 1) throw new ImageDecodeError('PDF has no pages');
    if (pages > maxPages) throw new ImageLimitError({ kind: 'pages', pages, maxPages });
    return { pages, first: sizeOf(await loadPage(doc, 1)) };
  });
}

/** The size of a 1-based page, in points. */
export function pdfPageSize(bytes: Buffer, page: number): Promise<PdfPageSize> {
  return withDocument(bytes, async (doc) => sizeOf(await loadPage(doc, page)));
}

/**
 * Renders a 1-based page to RGB on white. `scale` is pixels per point (1 = 72 dpi); it is
 * lowered when the result would exceed MAX_PDF_RENDER_SIDE.
 */
export function renderPdfPage(
  bytes: Buffer,
  page: number,
  scale: number,
): Promise<RawPixels & { scale: number }> {
  return withDocument(bytes, async (doc) => {
    const p = await loadPage(doc, page);
    const size = sizeOf(p);
    const s = Math.min(scale, MAX_PDF_RENDER_SIDE / Math.max(size.width, size.height));
    const viewport = p.getViewport({ scale: s });
    // Whole pixels covering the page, rounded as the previous renderer did (a hair of
    // tolerance so 612 × 1.0000001 stays 612).
    const width = Math.max(1, Math.ceil(viewport.width - 0.001));
    const height = Math.max(1, Math.ceil(viewport.height - 0.001));
    // The same canvas package pdf.js uses for its own scratch canvases in Node.
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    try {
      // pdf.js is typed against the DOM canvas; @napi-rs/canvas implements the part it draws with.
      const target = { canvas, canvasContext: context } as unknown as Pick<
        RenderParameters,
        'canvas' | 'canvasContext'
      >;
      await p.render({ ...target, viewport, background: '#ffffff' }).promise;
      const rgba = context.getImageData(0, 0, width, height).data;
      const data = Buffer.allocUnsafe(width * height * 3);
      for (let i = 0, o = 0; o < data.length; i += 4, o += 3) {
        data[o] = rgba[i]!;
        data[o + 1] = rgba[i + 1]!;
        data[o + 2] = rgba[i + 2]!;
      }
      return { data, width, height, channels: 3 as const, scale: width / size.width };
    } finally {
      p.cleanup();
      canvas.width = canvas.height = 0; // release the pixel memory now, not at the next GC
    }
  });
}
