import type { Line as TessLine } from 'tesseract.js';
import { unionBox, type Box, type RasterQuad } from './geometry.js';
import { stripCuts } from './strips.js';
import type { TessLanguage } from './tessdata.js';
import { encodeGrey, type UprightPage } from './upright-page.js';
import type { TesseractPool } from './worker-pool.js';
import { textWorkers } from './shared-pool.js';

export interface OcrWord {
  text: string;
  /** Bounds in the upright raster. */
  box: Box;
  /** The word's own corners when it is not level (PP-OCR's rotated boxes), else undefined. */
  quad?: RasterQuad;
  confidence: number;
}
/** A text line in upright raster pixels. */
export interface OcrLine {
  box: Box;
  quad?: RasterQuad;
  words: OcrWord[];
  baseline: { x0: number; y0: number; x1: number; y1: number };
  /** How sure the reader is that the line is handwritten (0..1), where it can tell. */
  handwriting?: number;
}

const box = (b: Box, dy: number): Box => ({ x0: b.x0, y0: b.y0 + dy, x1: b.x1, y1: b.y1 + dy });
/** Words further apart than this many line heights belong to different columns. */
const COLUMN_GAP = 1.5;
// Letters or digits in any script: words made only of punctuation or noise are dropped.
const HAS_TEXT = /[\p{L}\p{N}]/u;
const ALNUM = /[\p{L}\p{N}]/gu;
const alnumCount = (t: string): number => t.match(ALNUM)?.length ?? 0;

// Texture in photos reads as short "words" with odd boxes. A word is kept when its confidence
// passes and its box could hold its characters (not many times wider than they need); a line
// is kept when its words average 0.2 above the word threshold and it has a word of 3+ letters
// or digits, or reads with 90 % confidence.
function plausibleWord(w: OcrWord, minConfidence: number): boolean {
  const n = alnumCount(w.text);
  const height = Math.max(1, w.box.y1 - w.box.y0);
  return (
    w.confidence >= minConfidence &&
    (n > 0 || w.confidence >= 0.8) &&
    w.box.x1 - w.box.x0 <= (n + 2) * height * 1.5
  );
}
function plausibleLine(words: readonly OcrWord[], minConfidence: number): boolean {
  if (
    !words.length ||
    words.reduce((s, w) => s + w.confidence, 0) / words.length < minConfidence + 0.2
  )
    return false;
  return (
    words.some((w) => alnumCount(w.text) >= 3) ||
    (words.every((w) => w.confidence >= 0.9) && words.some((w) => HAS_TEXT.test(w.text)))
  );
}

interface Found {
  line: TessLine;
  dy: number;
}

// Tesseract sometimes joins the lines of two narrow-gutter columns into one; a gap between
// words much wider than the text is tall splits them again.
function splitAtGutters(words: OcrWord[]): OcrWord[][] {
  const heights = words.map((w) => w.box.y1 - w.box.y0).sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  const parts: OcrWord[][] = [];
  for (const w of words) {
    const last = parts.at(-1)?.at(-1);
    if (last && w.box.x0 - last.box.x1 <= COLUMN_GAP * lineHeight) parts.at(-1)!.push(w);
    else parts.push([w]);
  }
  return parts;
}

function toLines(found: Found[], minConfidence: number): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const { line, dy } of found) {
    const words = line.words.map((w) => ({
      text: w.text.trim(),
      box: box(w.bbox, dy),
      confidence: w.confidence / 100,
    }));
    const baseline = { ...line.baseline, y0: line.baseline.y0 + dy, y1: line.baseline.y1 + dy };
    for (const part of splitAtGutters(words.filter((w) => w.text))) {
      const kept = part.filter((w) => plausibleWord(w, minConfidence));
      if (plausibleLine(kept, minConfidence))
        lines.push({ box: unionBox(kept.map((w) => w.box)), words: kept, baseline });
    }
  }
  return lines;
}

/**
 * Reads the lines of an upright page with tesseract (page segmentation: automatic). Large pages
 * are cut at blank rows into one strip per worker and read in parallel. Words under
 * `minConfidence` (0..1) and implausible words and lines (see plausibleWord) are dropped.
 */
export async function recognizeLines(
  pool: TesseractPool,
  lang: TessLanguage,
  page: UprightPage,
  minConfidence: number,
  signal?: AbortSignal,
): Promise<OcrLine[]> {
  const cuts = stripCuts(page.grey, page.width, page.height, textWorkers());
  const strips = cuts.slice(0, -1).map((top, i) => ({ top, height: cuts[i + 1]! - top }));
  // Each strip is its own image: tesseract's `rectangle` option misreads the top strip of a page.
  const images =
    strips.length > 1
      ? await Promise.all(
          strips.map((s) =>
            encodeGrey(
              page.grey.subarray(s.top * page.width, (s.top + s.height) * page.width),
              page.width,
              s.height,
            ),
          ),
        )
      : [page.png];
  const results = await Promise.all(
    strips.map((s, i) =>
      pool.use(lang, async (w) => {
        signal?.throwIfAborted();
        const { data } = await w.recognize(images[i]!, {}, { blocks: true, text: false });
        return { blocks: data.blocks ?? [], dy: s.top };
      }),
    ),
  );
  signal?.throwIfAborted();
  const found: Found[] = [];
  for (const { blocks, dy } of results) {
    for (const b of blocks)
      for (const p of b.paragraphs) for (const line of p.lines) found.push({ line, dy });
  }
  return toLines(found, minConfidence);
}
