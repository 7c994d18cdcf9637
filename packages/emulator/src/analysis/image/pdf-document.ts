import { ImageDecodeError } from '../types.js';
import { MAX_PDF_PAGE_POINTS, MAX_PDF_RENDER_SIDE } from './limits.js';
import type { RawPixels } from './decode-bmp.js';

type MuPdf = typeof import('mupdf');
let mupdfModule: Promise<MuPdf> | undefined;
// mupdf instantiates a 10 MB wasm module on import: only pay for it when a PDF arrives.
// Its warnings about damaged files ("trying to repair broken xref") go to a no-op instead of
// stderr: a broken upload is the client's problem and ends as ImageDecodeError anyway.
const loadMuPdf = (): Promise<MuPdf> => {
  globalThis.$libmupdf_wasm_Module ??= { printErr: () => {} };
  return (mupdfModule ??= import('mupdf'));
};

/** Page size in points (1/72 inch), i.e. pixels at 72 dpi. */
export interface PdfPageSize { width: number; height: number }

async function withDocument<T>(bytes: Buffer, use: (doc: import('mupdf').Document, mupdf: MuPdf) => T): Promise<T> {
  const mupdf = await loadMuPdf();
  let doc: import('mupdf').Document;
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  } catch (err) {
    throw new ImageDecodeError(`PDF cannot be opened: ${(err as Error).message}`);
  }
  try {
    return use(doc, mupdf);
  } catch (err) {
    if (err instanceof ImageDecodeError) throw err;
    throw new ImageDecodeError(`PDF cannot be read: ${(err as Error).message}`);
  } finally {
    doc.destroy();
  }
}

function pageSize(doc: import('mupdf').Document, index: number): PdfPageSize {
  const page = doc.loadPage(index);
  try {
    const [x0, y0, x1, y1] = page.getBounds();
    const size = { width: x1 - x0, height: y1 - y0 };
    if (!(size.width > 0 && size.height > 0 && size.width <= MAX_PDF_PAGE_POINTS && size.height <= MAX_PDF_PAGE_POINTS)) {
      throw new ImageDecodeError(`PDF page ${index + 1} has an unusable size`);
    }
    return size;
  } finally {
    page.destroy();
  }
}

/** Page count and the size of page 1; throws ImageDecodeError for a broken or empty PDF. */
export function inspectPdf(bytes: Buffer): Promise<{ pages: number; first: PdfPageSize }> {
  return withDocument(bytes, (doc) => {
    const pages = doc.countPages();
    if (pages < 1) throw new ImageDecodeError('PDF has no pages');
    return { pages, first: pageSize(doc, 0) };
  });
}

/** The size of a 1-based page, in points. */
export function pdfPageSize(bytes: Buffer, page: number): Promise<PdfPageSize> {
  return withDocument(bytes, (doc) => pageSize(doc, page - 1));
}

/**
 * Renders a 1-based page to RGB on white. `scale` is pixels per point (1 = 72 dpi); it is
 * lowered when the result would exceed MAX_PDF_RENDER_SIDE.
 */
export function renderPdfPage(bytes: Buffer, page: number, scale: number): Promise<RawPixels & { scale: number }> {
  return withDocument(bytes, (doc, mupdf) => {
    const size = pageSize(doc, page - 1);
    const s = Math.min(scale, MAX_PDF_RENDER_SIDE / Math.max(size.width, size.height));
    const p = doc.loadPage(page - 1);
    try {
      const pix = p.toPixmap(mupdf.Matrix.scale(s, s), mupdf.ColorSpace.DeviceRGB, false, true);
      try {
        const width = pix.getWidth();
        const height = pix.getHeight();
        const stride = pix.getStride();
        const src = pix.getPixels();
        const data = Buffer.allocUnsafe(width * height * 3);
        // The pixmap rows may be padded: copy row by row.
        for (let y = 0; y < height; y++) data.set(src.subarray(y * stride, y * stride + width * 3), y * width * 3);
        return { data, width, height, channels: 3 as const, scale: width / size.width };
      } finally {
        pix.destroy();
      }
    } finally {
      p.destroy();
    }
  });
}
