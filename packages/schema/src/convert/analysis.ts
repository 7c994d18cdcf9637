// Raw v3.2 response parts -> the schema's shapes. Every upstream field is optional in the spec,
// so missing values fall back to neutral ones instead of breaking non-null fields.
import type {
  AdultInfo,
  BoundingRect,
  CelebritiesModel,
  ColorInfo,
  DetectedBrand,
  DetectedObject,
  FaceDescription,
  ImageCaption,
  ImageTag,
  ImageType,
  LandmarksModel,
  ObjectHierarchy,
} from '@visiongraph/core';
import { type Rectangle, rectFromLeftTop, rectFromXywh } from '../geometry/geometry.js';

export interface CaptionShape {
  text: string;
  confidence: number;
}
export interface TagShape {
  name: string;
  confidence: number;
  hint: string | null;
}
export interface CategoryShape {
  name: string;
  score: number;
}
export interface ObjectParentShape {
  name: string;
  confidence: number;
  parent: ObjectParentShape | null;
}
export interface DetectedObjectShape extends ObjectParentShape {
  rectangle: Rectangle;
}
export interface FaceShape {
  age: number | null;
  gender: 'MALE' | 'FEMALE' | null;
  rectangle: Rectangle;
}
export interface NamedBoxShape {
  name: string;
  confidence: number;
  rectangle: Rectangle;
}
export interface LandmarkShape {
  name: string;
  confidence: number;
}
export type ClipArtLevel = 'NON_CLIP_ART' | 'AMBIGUOUS' | 'NORMAL' | 'GOOD';
export interface ImageTypeShape {
  clipArtType: number;
  clipArt: ClipArtLevel;
  isLineDrawing: boolean;
}
export interface ColorShape {
  dominantForeground: string;
  dominantBackground: string;
  dominantColors: string[];
  accentColor: string;
  isBlackAndWhite: boolean;
}
export interface AdultShape {
  isAdult: boolean;
  isRacy: boolean;
  isGory: boolean;
  adultScore: number;
  racyScore: number;
  goreScore: number;
}

export const toCaption = (c: ImageCaption): CaptionShape => ({
  text: c.text ?? '',
  confidence: c.confidence ?? 0,
});

export const toTag = (t: ImageTag): TagShape => ({
  name: t.name ?? '',
  confidence: t.confidence ?? 0,
  hint: t.hint ?? null,
});

function toParent(p: ObjectHierarchy | undefined): ObjectParentShape | null {
  if (!p) return null;
  return { name: p.object ?? '', confidence: p.confidence ?? 0, parent: toParent(p.parent) };
}

export const toDetectedObject = (o: DetectedObject): DetectedObjectShape => ({
  name: o.object ?? '',
  confidence: o.confidence ?? 0,
  rectangle: rectFromXywh(o.rectangle ?? {}),
  parent: toParent(o.parent),
});

export const toFace = (f: FaceDescription): FaceShape => ({
  age: f.age ?? null,
  gender: f.gender === 'Male' ? 'MALE' : f.gender === 'Female' ? 'FEMALE' : null,
  rectangle: rectFromLeftTop(f.faceRectangle ?? {}),
});

export const toBrand = (b: DetectedBrand): NamedBoxShape => ({
  name: b.name ?? '',
  confidence: b.confidence ?? 0,
  rectangle: rectFromXywh(b.rectangle ?? {}),
});

export const toCelebrity = (c: CelebritiesModel): NamedBoxShape => ({
  name: c.name ?? '',
  confidence: c.confidence ?? 0,
  rectangle: rectFromLeftTop(c.faceRectangle ?? {}),
});

export const toLandmark = (l: LandmarksModel): LandmarkShape => ({
  name: l.name ?? '',
  confidence: l.confidence ?? 0,
});

const CLIP_ART: readonly ClipArtLevel[] = ['NON_CLIP_ART', 'AMBIGUOUS', 'NORMAL', 'GOOD'];

export const toImageType = (t: ImageType): ImageTypeShape => ({
  clipArtType: t.clipArtType ?? 0,
  clipArt: CLIP_ART[t.clipArtType ?? 0] ?? 'NON_CLIP_ART',
  isLineDrawing: (t.lineDrawingType ?? 0) > 0,
});

export const toColor = (c: ColorInfo): ColorShape => ({
  dominantForeground: c.dominantColorForeground ?? '',
  dominantBackground: c.dominantColorBackground ?? '',
  dominantColors: c.dominantColors ?? [],
  accentColor: c.accentColor ?? '',
  isBlackAndWhite: c.isBWImg ?? false,
});

export const toAdult = (a: AdultInfo): AdultShape => ({
  isAdult: a.isAdultContent ?? false,
  isRacy: a.isRacyContent ?? false,
  isGory: a.isGoryContent ?? false,
  adultScore: a.adultScore ?? 0,
  racyScore: a.racyScore ?? 0,
  goreScore: a.goreScore ?? 0,
});

export const toRectangle = (r: BoundingRect): Rectangle => rectFromXywh(r);
