// PP-OCR lines in the text module's own shapes: OcrLine/OcrWord with their rotated corners,
// bounds for reading order, and a baseline for the page's skew.
import type { Box, RasterQuad } from '../geometry.js';
import type { OcrLine, OcrWord } from '../recognize-lines.js';
import type { PpLine } from './ppocr-lines.js';
import { corners, type TextBox } from './text-box.js';

const quadOf = (b: TextBox): RasterQuad => corners(b).flatMap((p) => [p.x, p.y]) as RasterQuad;

function boundsOf(q: RasterQuad): Box {
  const xs = [q[0], q[2], q[4], q[6]];
  const ys = [q[1], q[3], q[5], q[7]];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** A PP-OCR line as an OcrLine (raster pixels; its quad keeps the rotation). */
export function toOcrLine(l: PpLine): OcrLine {
  const quad = quadOf(l.box);
  const [, , br, bl] = corners(l.box);
  const words: OcrWord[] = l.words.map((w) => {
    const q = quadOf(w.box);
    return { text: w.text, box: boundsOf(q), quad: q, confidence: w.confidence };
  });
  return {
    box: boundsOf(quad),
    quad,
    words,
    baseline: { x0: bl.x, y0: bl.y, x1: br.x, y1: br.y },
    ...(l.handwriting === undefined ? {} : { handwriting: l.handwriting }),
  };
}
