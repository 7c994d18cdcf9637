import { builder } from '../builder.js';
import type {
  OcrLineShape,
  OcrRegionShape,
  OcrTextShape,
  OcrWordShape,
} from '../convert/ocr-text.js';
import type {
  ReadLineShape,
  ReadPageShape,
  ReadTextShape,
  ReadWordShape,
} from '../convert/read-text.js';
import { PolygonRef, RectangleRef } from './geometry-types.js';

export const OcrWordRef = builder.objectRef<OcrWordShape>('OcrWord').implement({
  description: 'A word found by OCR.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The word.' }),
    rectangle: t.field({
      type: RectangleRef,
      description: 'Where the word is.',
      resolve: (w) => w.rectangle,
    }),
  }),
});

export const OcrLineRef = builder.objectRef<OcrLineShape>('OcrLine').implement({
  description: 'A line of text found by OCR.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The words of the line joined by spaces.' }),
    rectangle: t.field({
      type: RectangleRef,
      description: 'Where the line is.',
      resolve: (l) => l.rectangle,
    }),
    words: t.field({
      type: [OcrWordRef],
      description: 'The words, left to right.',
      resolve: (l) => l.words,
    }),
  }),
});

export const OcrRegionRef = builder.objectRef<OcrRegionShape>('OcrRegion').implement({
  description: 'A block of text found by OCR.',
  fields: (t) => ({
    rectangle: t.field({
      type: RectangleRef,
      description: 'Where the region is.',
      resolve: (r) => r.rectangle,
    }),
    lines: t.field({
      type: [OcrLineRef],
      description: 'The lines, top to bottom.',
      resolve: (r) => r.lines,
    }),
  }),
});

export const OcrTextRef = builder.objectRef<OcrTextShape>('OcrText').implement({
  description: 'Printed text recognised synchronously by the legacy OCR operation.',
  fields: (t) => ({
    text: t.exposeString('text', {
      description: 'All the text: lines joined by newlines, words by spaces.',
    }),
    language: t.exposeString('language', {
      nullable: true,
      description: 'Detected or given language code.',
    }),
    textAngle: t.exposeFloat('textAngle', {
      nullable: true,
      description: 'Angle of the text in radians (v3.2).',
    }),
    orientation: t.exposeString('orientation', {
      nullable: true,
      description: 'Direction the top of the text faces: Up, Down, Left, Right or NotDetected.',
    }),
    regions: t.field({
      type: [OcrRegionRef],
      description: 'Text blocks with their lines.',
      resolve: (o) => o.regions,
    }),
    lines: t.field({
      type: [OcrLineRef],
      description: 'Every line of every region, in order.',
      resolve: (o) => o.lines,
    }),
    words: t.field({
      type: [OcrWordRef],
      description: 'Every word, in reading order.',
      resolve: (o) => o.words,
    }),
  }),
});

export const ReadingOrderRef = builder.enumType('ReadingOrder', {
  description: 'Order in which the read operation returns lines.',
  values: {
    BASIC: { value: 'basic', description: 'Left to right, top to bottom.' },
    NATURAL: { value: 'natural', description: 'Human reading order (columns, Latin languages).' },
  } as const,
});

export const ReadWordRef = builder.objectRef<ReadWordShape>('ReadWord').implement({
  description: 'A word found by the read operation.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The word.' }),
    polygon: t.field({
      type: PolygonRef,
      description: "The word's quadrilateral.",
      resolve: (w) => w.polygon,
    }),
    confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
  }),
});

export const ReadLineRef = builder.objectRef<ReadLineShape>('ReadLine').implement({
  description: 'A line of printed or handwritten text found by the read operation.',
  fields: (t) => ({
    text: t.exposeString('text', { description: "The line's text." }),
    polygon: t.field({
      type: PolygonRef,
      description: "The line's quadrilateral.",
      resolve: (l) => l.polygon,
    }),
    boundingRectangle: t.field({
      type: RectangleRef,
      description: 'The smallest rectangle containing the polygon.',
      resolve: (l) => l.boundingRectangle,
    }),
    words: t.field({
      type: [ReadWordRef],
      description: 'The words of the line.',
      resolve: (l) => l.words,
    }),
    isHandwritten: t.exposeBoolean('isHandwritten', {
      nullable: true,
      description: 'Whether the line is handwriting (null when the service did not say).',
    }),
  }),
});

export const ReadPageRef = builder.objectRef<ReadPageShape>('ReadPage').implement({
  description: 'One page (an image has exactly one) of a read result.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: '1-based page number.' }),
    angle: t.exposeFloat('angle', {
      description: 'Clockwise orientation of the text in degrees, in [-180, 180).',
    }),
    width: t.exposeFloat('width', { description: 'Page width in `unit`.' }),
    height: t.exposeFloat('height', { description: 'Page height in `unit`.' }),
    unit: t.exposeString('unit', { description: '"pixel" for images, "inch" for PDFs.' }),
    lines: t.field({
      type: [ReadLineRef],
      description: 'Lines of the page, in reading order.',
      resolve: (p) => p.lines,
    }),
  }),
});

export const ReadTextRef = builder.objectRef<ReadTextShape>('ReadText').implement({
  description:
    'Printed and handwritten text from the asynchronous read operation, polled to completion.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'All the text: lines joined by newlines.' }),
    pages: t.field({
      type: [ReadPageRef],
      description: 'Per-page results.',
      resolve: (r) => r.pages,
    }),
    lines: t.field({
      type: [ReadLineRef],
      description: 'Every line of every page, in order.',
      resolve: (r) => r.lines,
    }),
    words: t.field({
      type: [ReadWordRef],
      description: 'Every word, in order.',
      resolve: (r) => r.words,
    }),
  }),
});
