// People in the image: every face, plus person objects whose box holds no detected face (a
// person seen from behind or too small for the face detector), so nobody is counted twice.
import type { Rect } from '../types.js';
import type { Evidence } from './evidence.js';

export interface Person {
  /** The face, or the body when no face was seen. */
  rect: Rect;
  /** The person object around the face, when centernet found one. */
  body?: Rect;
  /** The stronger of the face and body detections. */
  confidence: number;
  /** "man", "woman", "boy", "girl", or "person" when the gender estimate is unsure. */
  noun: string;
  /** Confidence of the noun: detection x gender certainty. */
  nounConfidence: number;
  age?: number;
  celebrity?: string;
}

/** Below this the gender estimate is too unsure to name it. */
const GENDER_SURE = 0.7;
/** Age estimates are noisy; under this a face is called a child. */
const CHILD_AGE = 15;

/** Weaker person boxes are mostly false (a cartoon lion scored 0.27). */
const MIN_BODY_CONFIDENCE = 0.35;

const inside = (x: number, y: number, r: Rect): boolean =>
  x >= r.x && y >= r.y && x <= r.x + r.w && y <= r.y + r.h;
const holdsFace = (body: Rect, face: Rect): boolean =>
  inside(face.x + face.w / 2, face.y + face.h / 2, body);

export function peopleOf(e: Evidence): Person[] {
  const bodies = e.objects.filter(
    (o) => o.name === 'person' && o.confidence >= MIN_BODY_CONFIDENCE,
  );
  const people: Person[] = e.faces.map((f) => {
    const body = bodies
      .filter((b) => holdsFace(b.rect, f.rect))
      .sort((a, b) => b.confidence - a.confidence)[0];
    const confidence = Math.max(f.confidence, body?.confidence ?? 0);
    const sure = f.genderConfidence >= GENDER_SURE;
    const child = f.age < CHILD_AGE;
    const noun = !sure
      ? child
        ? 'child'
        : 'person'
      : f.gender === 'Female'
        ? child
          ? 'girl'
          : 'woman'
        : child
          ? 'boy'
          : 'man';
    const celebrity = e.celebrities.find(
      (c) => c.rect.x === f.rect.x && c.rect.y === f.rect.y,
    )?.name;
    return {
      rect: f.rect,
      confidence,
      noun,
      nounConfidence: confidence * (sure ? f.genderConfidence : 1),
      age: f.age,
      ...(body ? { body: body.rect } : {}),
      ...(celebrity ? { celebrity } : {}),
    };
  });
  for (const b of bodies) {
    if (!e.faces.some((f) => holdsFace(b.rect, f.rect)))
      people.push({
        rect: b.rect,
        body: b.rect,
        confidence: b.confidence,
        noun: 'person',
        nounConfidence: b.confidence,
      });
  }
  return people.sort((a, b) => b.confidence - a.confidence);
}
