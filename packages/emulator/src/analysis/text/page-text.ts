// The text of one page from whichever reader suits it: PP-OCR (photos, scene text, handwriting,
// Chinese) or tesseract (turned pages, languages whose letters PP-OCR's dictionary lacks). The
// PP-OCR detector looks first; what it finds decides (see chooseReader).
import { toRaster } from '../image/raster.js';
import type { LoadedImage } from '../types.js';
import { detectLanguage } from './detect-language.js';
import { UprightFrame } from './geometry.js';
import { pageLines, type PageLinesOptions } from './page-lines.js';
import type { TextReader } from './choose-reader.js';
import type { PpLine } from './ppocr/ppocr-lines.js';
import { runPpOcrPage } from './ppocr/ppocr-thread.js';
import { toOcrLine } from './ppocr/ppocr-page.js';
import type { OcrLine } from './recognize-lines.js';
import { skewOf } from './skew.js';
import { AZURE_CODE } from './tessdata.js';

/** 'auto' lets the page decide; the others force one reader (for measuring them side by side). */
export type TextEngine = 'auto' | TextReader;

export interface PageText {
  frame: UprightFrame;
  lines: OcrLine[];
  /** Clockwise skew of the text in radians (image y down), after any quarter turn. */
  skew: number;
  /** Azure code of the language read with (requested, or detected when none was). */
  language: string;
  reader: TextReader;
}

/** Requested languages PP-OCR's dictionary covers in full (Latin without accents, Chinese). */
const PPOCR_LANGUAGE = /^(en|zh)(-|$)/i;

async function withTesseract(img: LoadedImage, opts: PageLinesOptions): Promise<PageText> {
  const r = await pageLines(img, opts);
  return {
    frame: r.page.frame,
    lines: r.lines,
    skew: r.skew,
    language: r.language,
    reader: 'tesseract',
  };
}

/** Below this mean character probability a PP-OCR line is texture read as text, not text. */
const PPOCR_MIN_LINE = 0.5;
const HAS_TEXT = /[\p{L}\p{N}]/u;

/**
 * Lines that read like text: confident enough as a whole (and for the request), and words
 * that hold a letter or digit (stray punctuation from texture is dropped).
 */
function plausibleLines(lines: readonly PpLine[], minConfidence: number): PpLine[] {
  const out: PpLine[] = [];
  for (const l of lines) {
    if (l.confidence < Math.max(PPOCR_MIN_LINE, minConfidence)) continue;
    const words = l.words.filter((w) => HAS_TEXT.test(w.text) && w.confidence >= minConfidence);
    if (words.length) out.push({ ...l, words, text: words.map((w) => w.text).join(' ') });
  }
  return out;
}

/** Reads one page; `engine` 'auto' picks the reader per page. */
export async function pageText(
  img: LoadedImage,
  opts: PageLinesOptions,
  engine: TextEngine = 'auto',
): Promise<PageText> {
  const asked = opts.language && opts.language !== 'unk' ? opts.language : undefined;
  if (engine === 'tesseract' || (engine === 'auto' && asked && !PPOCR_LANGUAGE.test(asked)))
    return withTesseract(img, opts);
  const r = await toRaster(img, {
    page: opts.page,
    maxSide: opts.maxSide,
    channels: 3,
    cache: false,
  });
  opts.signal?.throwIfAborted();
  const raster = { data: r.data, width: r.width, height: r.height };
  // The networks run on their own thread: onnxruntime-node blocks the thread it runs on.
  const page = await runPpOcrPage({ raster, choose: engine === 'auto' }, opts.signal);
  opts.signal?.throwIfAborted();
  if (page.reader === 'tesseract') return withTesseract(img, opts);
  const lines = plausibleLines(page.lines, opts.minConfidence).map(toOcrLine);
  const frame = new UprightFrame(0, r.width, r.height, r.scale);
  const text = lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
  // Not read again in the language found: photos and handwriting read better with PP-OCR even
  // where its dictionary lacks some accented letters (listed in the README's deviations).
  const language = asked ?? (lines.length ? AZURE_CODE[detectLanguage(text)] : 'en');
  return { frame, lines, skew: skewOf(lines), language, reader: 'ppocr' };
}
