import type { LoadedImage, OcrAnalysis, OcrLineResult, OcrRegionResult, Rect } from '../types.js';
import type { Rotation, UprightFrame } from './geometry.js';
import { pageText, type TextEngine } from './page-text.js';
import type { OcrLine } from './recognize-lines.js';
import { blocksOf } from './reading-order.js';

/** Longest raster side for /ocr (Azure accepts up to 4200 px; tesseract needs no more). */
export const OCR_MAX_SIDE = 3200;
/** /ocr drops words read with less confidence (0..1): Azure's legacy OCR returns no junk. */
export const OCR_MIN_CONFIDENCE = 0.5;

const ORIENTATION: Record<Rotation, OcrAnalysis['orientation']> = {
  0: 'Up',
  90: 'Left',
  180: 'Down',
  270: 'Right',
};

function boundsOfQuad(q: readonly number[]): Rect {
  const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
  const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
  const x = Math.floor(Math.min(...xs));
  const y = Math.floor(Math.min(...ys));
  return { x, y, w: Math.ceil(Math.max(...xs)) - x, h: Math.ceil(Math.max(...ys)) - y };
}

function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return {
    x,
    y,
    w: Math.max(...rects.map((r) => r.x + r.w)) - x,
    h: Math.max(...rects.map((r) => r.y + r.h)) - y,
  };
}

/** Original-image rect of an upright box (or of its own corners), clipped to the image. */
function clipped(frame: UprightFrame, img: LoadedImage, item: Pick<OcrLine, 'box' | 'quad'>): Rect {
  const r = item.quad ? boundsOfQuad(frame.corners(item.quad)) : frame.rect(item.box);
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  return { x, y, w: Math.min(img.width, r.x + r.w) - x, h: Math.min(img.height, r.y + r.h) - y };
}

/**
 * Azure `/ocr` (legacy printed-text OCR): regions (blocks of lines in natural reading order,
 * see blocksOf) of lines of words, boxes in original pixels. With `detectOrientation`, the page
 * is turned upright first when needed, and `orientation` says where the text's top was facing.
 * `textAngle` is the radians to turn the image clockwise to make the lines level.
 */
export async function recognizePrinted(
  img: LoadedImage,
  params: { language: string; detectOrientation: boolean },
  signal?: AbortSignal,
  engine: TextEngine = 'auto',
): Promise<OcrAnalysis> {
  const { frame, lines, language, skew } = await pageText(
    img,
    {
      page: 1,
      maxSide: OCR_MAX_SIDE,
      detectOrientation: params.detectOrientation,
      language: params.language,
      minConfidence: OCR_MIN_CONFIDENCE,
      signal,
    },
    engine,
  );
  const regions: OcrRegionResult[] = blocksOf(lines).map((blockLines) => {
    const out: OcrLineResult[] = blockLines.map((l) => ({
      rect: clipped(frame, img, l),
      words: l.words.map((w) => ({ text: w.text, rect: clipped(frame, img, w) })),
    }));
    return { rect: union(out.map((l) => l.rect)), lines: out };
  });
  return {
    language: lines.length || params.language !== 'unk' ? language : 'unk',
    textAngle: lines.length ? -skew : 0,
    orientation:
      params.detectOrientation && lines.length ? ORIENTATION[frame.rotation] : 'NotDetected',
    regions,
  };
}
