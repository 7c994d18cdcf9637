import { pageSize } from '../image/page-size.js';
import type { LoadedImage, Quad, ReadLineResult, ReadPageResult } from '../types.js';
import type { RasterQuad } from './geometry.js';
import { pageText, type TextEngine } from './page-text.js';
import { basicOrder, naturalOrder } from './reading-order.js';
import type { OcrLine } from './recognize-lines.js';

/** Longest raster side for images (only ever shrunk). */
export const READ_MAX_SIDE = 4000;
/** Longest raster side a PDF page is rendered at: 2200 px is 200 dpi for US Letter. */
export const READ_PDF_SIDE = 2200;
/** Read keeps words down to this confidence (0..1); handwriting reads with lower confidence. */
export const READ_MIN_CONFIDENCE = 0.3;
export const HANDWRITING_MIN_CONFIDENCE = 0.1;
/** Mean word confidence above which a line is taken for print (style 'other' with more confidence). */
const PRINTED_CONFIDENCE = 0.85;

export interface ReadParams {
  /** Azure language code; undefined = detect among the shipped languages. */
  language?: string;
  /** 1-based pages to read; undefined or empty = all. Pages past the end are skipped. */
  pages?: number[];
  readingOrder: 'basic' | 'natural';
  /** The v1/v2 "Handwritten" mode: keeps lower-confidence words. */
  handwriting?: boolean;
}

/**
 * Azure's appearance of a line. PP-OCR lines carry a handwriting likelihood from how their
 * letters sit on the baseline; tesseract reads only printed pages, 'other' with 0.7 when the
 * words read like print and 0.3 otherwise.
 */
function lineStyle(
  l: OcrLine,
  meanConfidence: number,
): { style: 'handwriting' | 'other'; styleConfidence: number } {
  if (l.handwriting !== undefined)
    return l.handwriting >= 0.5
      ? { style: 'handwriting', styleConfidence: round(l.handwriting, 3) }
      : { style: 'other', styleConfidence: round(1 - l.handwriting, 3) };
  return { style: 'other', styleConfidence: meanConfidence >= PRINTED_CONFIDENCE ? 0.7 : 0.3 };
}

/** Degrees in (-180, 180]. */
const normaliseDegrees = (d: number): number => {
  const m = ((d % 360) + 360) % 360;
  return m > 180 ? m - 360 : m;
};

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

/**
 * Read 3.2: lines and words of each page with quads (clockwise from the text's top-left, in the
 * original image: pixels, or inches for PDF pages), word confidences, the page angle and the
 * lines in basic or natural reading order. Tesseract has no handwriting detector: every line's
 * style is 'other', with confidence 0.7 when its words read like print and 0.3 otherwise.
 */
export async function readText(
  img: LoadedImage,
  params: ReadParams,
  signal?: AbortSignal,
  engine: TextEngine = 'auto',
): Promise<ReadPageResult[]> {
  const all = Array.from({ length: img.pages }, (_, i) => i + 1);
  const wanted = params.pages?.length
    ? [...new Set(params.pages)].filter((p) => p >= 1 && p <= img.pages).sort((a, b) => a - b)
    : all;
  const pdf = img.format === 'Pdf';
  const results: ReadPageResult[] = [];
  for (const pageNo of wanted) {
    signal?.throwIfAborted();
    const { frame, lines, language, skew } = await pageText(
      img,
      {
        page: pageNo,
        maxSide: pdf ? READ_PDF_SIDE : READ_MAX_SIDE,
        detectOrientation: true,
        language: params.language,
        minConfidence: params.handwriting ? HANDWRITING_MIN_CONFIDENCE : READ_MIN_CONFIDENCE,
        signal,
      },
      engine,
    );
    const size = await pageSize(img, pageNo);
    // PDF coordinates come back in points: 72 to the inch.
    const unit = pdf ? 1 / 72 : 1;
    // A levelled page has white corners: a box reaching into them is clamped to the page.
    const quad = (box: OcrLine['box'], corners?: RasterQuad): Quad =>
      (corners ? frame.corners(corners) : frame.quad(box, (v) => v)).map((v, i) =>
        round(Math.min(i % 2 ? size.height : size.width, Math.max(0, v)) * unit, pdf ? 4 : 0),
      ) as Quad;
    const ordered = params.readingOrder === 'natural' ? naturalOrder(lines) : basicOrder(lines);
    const out: ReadLineResult[] = ordered.map((l) => {
      const mean = l.words.reduce((s, w) => s + w.confidence, 0) / l.words.length;
      return {
        text: l.words.map((w) => w.text).join(' '),
        box: quad(l.box, l.quad),
        words: l.words.map((w) => ({
          text: w.text,
          box: quad(w.box, w.quad),
          confidence: round(w.confidence, 3),
        })),
        ...lineStyle(l, mean),
      };
    });
    results.push({
      page: pageNo,
      angle: round(normaliseDegrees(-frame.rotation + (skew * 180) / Math.PI), 4),
      width: pdf ? round(size.width * unit, 4) : size.width,
      height: pdf ? round(size.height * unit, 4) : size.height,
      unit: pdf ? 'inch' : 'pixel',
      language,
      lines: out,
    });
  }
  return results;
}
