import type { ReadResult } from '@visiongraph/core';
import {
  boundingRect,
  type Polygon,
  polygonFromBox,
  type Rectangle,
} from '../geometry/geometry.js';

export interface ReadWordShape {
  text: string;
  polygon: Polygon;
  confidence: number;
}
export interface ReadLineShape {
  text: string;
  polygon: Polygon;
  boundingRectangle: Rectangle;
  words: ReadWordShape[];
  isHandwritten: boolean | null;
}
export interface ReadPageShape {
  number: number;
  angle: number;
  width: number;
  height: number;
  unit: string;
  lines: ReadLineShape[];
}
export interface ReadTextShape {
  text: string;
  pages: ReadPageShape[];
  lines: ReadLineShape[];
  words: ReadWordShape[];
}

function toLine(line: ReadResult['lines'][number]): ReadLineShape {
  const polygon = polygonFromBox(line.boundingBox);
  const style = line.appearance?.style?.name;
  return {
    text: line.text,
    polygon,
    boundingRectangle: boundingRect(polygon),
    words: line.words.map((w) => ({
      text: w.text,
      polygon: polygonFromBox(w.boundingBox),
      confidence: w.confidence,
    })),
    isHandwritten: style === undefined ? null : style === 'handwriting',
  };
}

/** Read 3.2 pages -> pages, flat lines and words, and the plain text (lines joined by newlines). */
export function toReadText(pages: readonly ReadResult[]): ReadTextShape {
  const shaped = pages.map((p) => ({
    number: p.page,
    angle: p.angle,
    width: p.width,
    height: p.height,
    unit: p.unit,
    lines: p.lines.map(toLine),
  }));
  const lines = shaped.flatMap((p) => p.lines);
  return {
    text: lines.map((l) => l.text).join('\n'),
    pages: shaped,
    lines,
    words: lines.flatMap((l) => l.words),
  };
}
