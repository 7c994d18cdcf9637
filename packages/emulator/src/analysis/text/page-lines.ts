import type { LoadedImage } from '../types.js';
import { detectLanguage } from './detect-language.js';
import type { Rotation } from './geometry.js';
import { recognizeLines, type OcrLine } from './recognize-lines.js';
import { textPool } from './shared-pool.js';
import { AZURE_CODE, tessLanguage, type TessLanguage } from './tessdata.js';
import { skewOf } from './skew.js';
import { decodePage, deskewPage, osdTurn, turnPage, type UprightPage } from './upright-page.js';
import type { TesseractPool } from './worker-pool.js';

export interface PageLines {
  page: UprightPage;
  lines: OcrLine[];
  /** Clockwise skew of the text in radians (image y down), after any quarter turn. */
  skew: number;
  /** Azure code of the language read with (requested, or detected when none was). */
  language: string;
}

export interface PageLinesOptions {
  page: number;
  maxSide: number;
  detectOrientation: boolean;
  language: string | undefined;
  minConfidence: number;
  signal?: AbortSignal;
}

/** Text skewed by more than this (radians, 2°) is levelled and read again: tesseract reads it badly. */
const DESKEW_MIN = (2 * Math.PI) / 180;

/** Pages up to this size get the try-every-turn fallback when OSD is unsure (up to 3 more reads). */
const TRY_TURNS_MAX_PIXELS = 1_500_000;

const textOf = (lines: readonly OcrLine[]): string =>
  lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
/** How well a page read: confident characters. */
const score = (lines: readonly OcrLine[]): number =>
  lines.reduce((s, l) => s + l.words.reduce((t, w) => t + w.confidence * w.text.length, 0), 0);

/** Upright text reads with confidence; sideways or upside-down text reads as low-confidence junk. */
function readsUpright(lines: readonly OcrLine[]): boolean {
  const conf = lines.flatMap((l) => l.words.map((w) => w.confidence)).sort((a, b) => a - b);
  return conf.length >= 3 && conf[Math.floor(conf.length / 2)]! >= 0.8;
}

/**
 * OCR of one page. The page is read as decoded first; with `detectOrientation`, when that does
 * not read like upright text, tesseract's OSD picks a quarter turn (on small pages where OSD is
 * unsure but saw text, every turn is read and the best kept; where it saw no text, none is).
 * Text skewed by 2° or more is levelled and read again, keeping the better reading. Without a
 * language (or 'unk') the page is read as English; when the words look like another shipped
 * language, it is read again in that one. A language without shipped traineddata is read as
 * English but reported as requested.
 */
export async function pageLines(img: LoadedImage, opts: PageLinesOptions): Promise<PageLines> {
  const pool = textPool();
  const { tess, detect } = tessLanguage(opts.language);
  let page = await decodePage(img, opts.page, opts.maxSide);
  opts.signal?.throwIfAborted();
  let lines = await recognizeLines(pool, tess, page, opts.minConfidence, opts.signal);
  if (opts.detectOrientation && !readsUpright(lines))
    ({ page, lines } = await findTurn(pool, tess, page, lines, opts));
  const skew = skewOf(lines);
  if (Math.abs(skew) >= DESKEW_MIN) {
    opts.signal?.throwIfAborted();
    const level = await deskewPage(page, -skew);
    const levelLines = await recognizeLines(pool, tess, level, opts.minConfidence, opts.signal);
    if (score(levelLines) > score(lines)) ({ page, lines } = { page: level, lines: levelLines });
  }
  // Skew as found in the page as read: what the deskew removed plus what is left.
  const found = { page, skew: -(page.frame.deskew?.angle ?? 0) + skewOf(lines) };
  if (!detect) return { ...found, lines, language: opts.language! };
  let language: TessLanguage = 'eng';
  if (lines.length) {
    language = detectLanguage(textOf(lines));
    if (language !== 'eng')
      lines = await recognizeLines(pool, language, page, opts.minConfidence, opts.signal);
  }
  return { ...found, lines, language: AZURE_CODE[language] };
}

async function findTurn(
  pool: TesseractPool,
  tess: TessLanguage,
  page: UprightPage,
  lines: OcrLine[],
  opts: PageLinesOptions,
): Promise<{ page: UprightPage; lines: OcrLine[] }> {
  const osd = await osdTurn(pool, page);
  // Unsure OSD still saw text: on a small page, try its guess first, then the other turns.
  const small = page.width * page.height <= TRY_TURNS_MAX_PIXELS;
  const blind: Rotation[] =
    osd.guess === null || !small
      ? []
      : [...new Set<Rotation>([osd.guess, 90, 270, 180])].filter((r) => r !== 0);
  const turns: Rotation[] = osd.rotation ? [osd.rotation] : blind;
  let best = { page, lines, score: score(lines) };
  for (const rotation of turns) {
    opts.signal?.throwIfAborted();
    const turned = await turnPage(page, rotation);
    const turnedLines = await recognizeLines(pool, tess, turned, opts.minConfidence, opts.signal);
    // A turn OSD is sure of only has to read better; a blind guess has to read much better.
    const s = score(turnedLines);
    if (s > best.score * (osd.rotation ? 1 : 1.5)) {
      best = { page: turned, lines: turnedLines, score: s };
      if (readsUpright(turnedLines)) break;
    }
  }
  return best;
}
