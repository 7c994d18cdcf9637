import type { ImageResult } from '../field-state.js';
import { percent } from './panel.js';

export const SHAPE_KINDS = [
  { kind: 'face', label: 'Faces' },
  { kind: 'object', label: 'Objects' },
  { kind: 'celebrity', label: 'Celebrities' },
  { kind: 'brand', label: 'Brands' },
  { kind: 'word', label: 'OCR words' },
  { kind: 'line', label: 'Read lines' },
  { kind: 'area', label: 'Area of interest' },
  { kind: 'person', label: 'People' },
  { kind: 'dense', label: 'Dense captions' },
  { kind: 'crop', label: 'Smart crops' },
] as const;

export type ShapeKind = (typeof SHAPE_KINDS)[number]['kind'];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One thing drawn over the image, in the image's own pixel coordinates. */
export interface Shape {
  kind: ShapeKind;
  key: string;
  rect?: Rect;
  points?: ReadonlyArray<{ x: number; y: number }>;
  label?: string;
}

/** A crop's ratio as the picker shows it: 1.5, not 1.5000001. */
export function formatRatio(ratio: number): string {
  return String(Math.round(ratio * 100) / 100);
}

/** Everything in the result that has a place in the image. */
export function shapesOf(image: ImageResult | null | undefined): Shape[] {
  if (!image) return [];
  // Painted in this order: wide shapes first, so faces end up on top of celebrity boxes.
  const shapes: Shape[] = [];
  if (image.areaOfInterest) {
    shapes.push({
      kind: 'area',
      key: 'area',
      rect: image.areaOfInterest,
      label: 'area of interest',
    });
  }
  image.smartCrops?.forEach((crop, i) =>
    shapes.push({
      kind: 'crop',
      key: `crop${i}`,
      rect: crop.rectangle,
      label: `crop ${formatRatio(crop.aspectRatio)}`,
    }),
  );
  image.denseCaptions?.forEach((dense, i) =>
    shapes.push({ kind: 'dense', key: `dense${i}`, rect: dense.rectangle, label: dense.text }),
  );
  image.people?.forEach((person, i) =>
    shapes.push({
      kind: 'person',
      key: `person${i}`,
      rect: person.rectangle,
      label: `person ${percent(person.confidence)}`,
    }),
  );
  image.text?.lines.forEach((line, i) =>
    shapes.push({ kind: 'line', key: `line${i}`, points: line.polygon.points }),
  );
  image.ocr?.words.forEach((word, i) =>
    shapes.push({ kind: 'word', key: `word${i}`, rect: word.rectangle }),
  );
  image.objects?.forEach((object, i) =>
    shapes.push({
      kind: 'object',
      key: `object${i}`,
      rect: object.rectangle,
      label: `${object.name} ${percent(object.confidence)}`,
    }),
  );
  image.brands?.forEach((brand, i) =>
    shapes.push({ kind: 'brand', key: `brand${i}`, rect: brand.rectangle, label: brand.name }),
  );
  image.celebrities?.forEach((celebrity, i) =>
    shapes.push({
      kind: 'celebrity',
      key: `celebrity${i}`,
      rect: celebrity.rectangle,
      label: celebrity.name,
    }),
  );
  image.faces?.forEach((face, i) => {
    const who = face.gender ? face.gender.toLowerCase() : 'face';
    const label = face.age != null ? `${who}, ${face.age}` : who;
    shapes.push({ kind: 'face', key: `face${i}`, rect: face.rectangle, label });
  });
  return shapes;
}
