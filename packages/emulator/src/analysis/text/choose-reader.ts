// Which reader a page gets, from what the PP-OCR detector found on it. Measured on
// testdata/TRUTH.md with bench/text-accuracy.ts (figures in ANALYSIS.md): on level printed pages
// tesseract reads as well or better (and its dictionaries know accented letters) in a fraction
// of the time; on photos, signs, logos, slanted labels and handwriting PP-OCR reads far better.
import { onBaselineShare, PRINT_MIN_ON_BASELINE } from './ppocr/handwriting.js';
import type { RgbRaster } from './ppocr/crop-sampler.js';
import { groundUnevenness } from './ppocr/line-ink.js';
import type { DetectedLine } from './ppocr/ppocr-lines.js';

export type TextReader = 'ppocr' | 'tesseract';

/** A printed page has at least this many lines (a sign or a logo has fewer). */
const PAGE_MIN_LINES = 3;

/**
 * A page's lines cover at least this share of the image (the test images' pages: 26-60 %); a few
 * lines in a corner of a photo (a label on the sample photo: 1.5 %) are scene text.
 */
const PAGE_MIN_COVER = 0.1;

/** Ground brightness varying more than this along a line (grey levels) is a photo, not a scan. */
const SCAN_MAX_UNEVENNESS = 24;

/** Lines measured for the ground and baseline tests (evenly picked): medians need no more. */
const SAMPLE_LINES = 24;

const median = (v: number[]): number => v.sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

/**
 * Tesseract for a page turned on its side (most lines run vertically: its orientation detection
 * turns the whole page and reports where the text's top faces) and for an evenly lit printed
 * page (PAGE_MIN_LINES or more lines covering PAGE_MIN_COVER of the image, on a flat ground,
 * whose letters sit on straight baselines;
 * tesseract levels a skewed page itself). PP-OCR for everything else: photos, scene text, handwriting.
 */
export function chooseReader(r: RgbRaster, lines: readonly DetectedLine[]): TextReader {
  if (!lines.length) return 'ppocr';
  const vertical = lines.filter((l) => Math.abs(l.box.uy) > Math.abs(l.box.ux)).length;
  if (vertical * 2 > lines.length) return 'tesseract';
  if (lines.length < PAGE_MIN_LINES) return 'ppocr';
  const cover = lines.reduce((sum, l) => sum + l.box.length * l.box.thickness, 0);
  if (cover < PAGE_MIN_COVER * r.width * r.height) return 'ppocr';
  const step = Math.max(1, lines.length / SAMPLE_LINES);
  const sample = lines.filter((_, i) => Math.floor(i / step) !== Math.floor((i - 1) / step));
  if (median(sample.map((l) => groundUnevenness(r, l.box))) > SCAN_MAX_UNEVENNESS) return 'ppocr';
  const shares = sample.map((l) => onBaselineShare(r, l.box)).filter((s) => s !== undefined);
  return median(shares) >= PRINT_MIN_ON_BASELINE ? 'tesseract' : 'ppocr';
}
