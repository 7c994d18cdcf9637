import type { OcrResult } from '@visiongraph/core';
import { type Rectangle, rectFromCsv } from '../geometry/geometry.js';

export interface OcrWordShape {
  text: string;
  rectangle: Rectangle;
}
export interface OcrLineShape {
  text: string;
  rectangle: Rectangle;
  words: OcrWordShape[];
}
export interface OcrRegionShape {
  rectangle: Rectangle;
  lines: OcrLineShape[];
}
export interface OcrTextShape {
  text: string;
  language: string | null;
  textAngle: number | null;
  orientation: string | null;
  regions: OcrRegionShape[];
  lines: OcrLineShape[];
  words: OcrWordShape[];
}

const rect = (box: string | undefined): Rectangle => rectFromCsv(box ?? '0,0,0,0');

/** Legacy OCR result -> regions, flat lines and words, and the plain text (one line per line). */
export function toOcrText(result: OcrResult): OcrTextShape {
  const regions = (result.regions ?? []).map((region) => ({
    rectangle: rect(region.boundingBox),
    lines: (region.lines ?? []).map((line) => {
      const words = (line.words ?? []).map((w) => ({
        text: w.text ?? '',
        rectangle: rect(w.boundingBox),
      }));
      return { text: words.map((w) => w.text).join(' '), rectangle: rect(line.boundingBox), words };
    }),
  }));
  const lines = regions.flatMap((r) => r.lines);
  return {
    text: lines.map((l) => l.text).join('\n'),
    language: result.language ?? null,
    textAngle: result.textAngle ?? null,
    orientation: result.orientation ?? null,
    regions,
    lines,
    words: lines.flatMap((l) => l.words),
  };
}
