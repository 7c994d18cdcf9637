// Everything the describing features (tags, description, categories) are derived from: the
// detections of one image plus measured cues. Nothing here is guessed from file names or bytes.
import type {
  BrandResult,
  CelebrityResult,
  ColorResult,
  FaceResult,
  ImageTypeResult,
  ObjectResult,
  RecognizedLandmark,
} from '../types.js';
import type { SceneCues } from './scene-cues.js';

/** A detected face with how sure the gender estimate is (0.5 = a coin toss). */
export interface FaceEvidence extends FaceResult {
  genderConfidence: number;
}

export interface Evidence {
  width: number;
  height: number;
  faces: FaceEvidence[];
  /** Azure-named objects (see object-hierarchy.ts), original pixels. */
  objects: ObjectResult[];
  /**
   * Boxes too weak to report as objects (0.12-0.25), used only to confirm a relation that
   * confident detections imply: the table under a laptop.
   */
  weak: ObjectResult[];
  color: ColorResult;
  imageType: ImageTypeResult;
  cues: SceneCues;
  /** Confidence that the image is printed text on a light background (0 when not). */
  text: number;
  /** Recognised people (empty when not asked) and places. */
  celebrities: CelebrityResult[];
  landmarks: RecognizedLandmark[];
  /** Gallery logos found in the image. */
  logos: BrandResult[];
}

/** A statement about the image with the confidence of the detections behind it. */
export interface Fact {
  name: string;
  confidence: number;
}

/** Highest confidence among items, 0 for none. */
export const strongest = (items: { confidence: number }[]): number =>
  items.reduce((m, i) => Math.max(m, i.confidence), 0);

/** Rounded like Azure's floats, without pretending more precision than the models have. */
export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
