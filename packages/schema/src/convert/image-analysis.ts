// Image Analysis 4.0 parts -> the schema's shapes. Fields both APIs answer end in the same shapes
// as their v3.2 answers, so a client cannot tell which API was asked.
import type {
  CropRegion,
  DenseCaption,
  DetectedPerson,
  DetectedTag,
  ImageAnalysis40,
  ReadResult,
} from '@visiongraph/core';
import { rectFromXywh, type Rectangle } from '../geometry/geometry.js';
import type { CaptionShape, DetectedObjectShape, TagShape } from './analysis.js';

export interface DenseCaptionShape extends CaptionShape {
  rectangle: Rectangle;
}
export interface PersonShape {
  rectangle: Rectangle;
  confidence: number;
}
export interface SmartCropShape {
  aspectRatio: number;
  rectangle: Rectangle;
}

export const toDenseCaption = (c: DenseCaption): DenseCaptionShape => ({
  text: c.text,
  confidence: c.confidence,
  rectangle: rectFromXywh(c.boundingBox),
});
export const toPerson = (p: DetectedPerson): PersonShape => ({
  rectangle: rectFromXywh(p.boundingBox),
  confidence: p.confidence,
});
export const toSmartCrop = (c: CropRegion): SmartCropShape => ({
  aspectRatio: c.aspectRatio,
  rectangle: rectFromXywh(c.boundingBox),
});
export const tag40 = (t: DetectedTag): TagShape => ({
  name: t.name,
  confidence: t.confidence,
  hint: null,
});
export const object40 = (o: ImageAnalysis40.DetectedObject): DetectedObjectShape => ({
  name: o.tags[0]?.name ?? '',
  confidence: o.tags[0]?.confidence ?? 0,
  rectangle: rectFromXywh(o.boundingBox),
  parent: null,
});

const quad = (points: readonly ImageAnalysis40.ImagePoint[]): number[] =>
  points.flatMap((p) => [p.x, p.y]);

/** 4.0's one block of lines as one Read 3.2 page, so `text` has one converter. */
export function readPages40(
  read: ImageAnalysis40.ReadResult,
  size: ImageAnalysis40.ImageMetadata,
): ReadResult[] {
  return [
    {
      page: 1,
      angle: 0,
      width: size.width,
      height: size.height,
      unit: 'pixel',
      lines: read.blocks.flatMap((b) =>
        b.lines.map((l) => ({
          text: l.text,
          boundingBox: quad(l.boundingPolygon),
          words: l.words.map((w) => ({
            text: w.text,
            boundingBox: quad(w.boundingPolygon),
            confidence: w.confidence,
          })),
        })),
      ),
    },
  ];
}
