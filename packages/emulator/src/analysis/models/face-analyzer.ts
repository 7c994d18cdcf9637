// Faces: face-api's SsdMobilenetv1 weights (run on onnxruntime-node, or our fused tfjs pass, in ssd/) find small
// faces that blazeface misses (4/4 vs 1/4 on the 38-49 px faces of the celebrities photo), then
// face-api's 68 landmarks align each face for the age/gender net and, when recognition is asked,
// the 128-d descriptor (those three nets run by our fused forward passes in face-nets/).
// face-api's chained API runs each of those nets once per face; here each runs once per image on
// a batch of all faces.
import type { RawImage } from '../pool/protocol.js';
import { computeDescriptors, detectLandmarks, predictAgeGender } from './face-nets/face-nets.js';
import { detectSsdFaces, type SsdFace } from './ssd/face-detector.js';

export interface DetectedFace {
  /** x, y, w, h in raster pixels. */
  box: [number, number, number, number];
  score: number;
  age: number;
  gender: 'male' | 'female';
  genderScore: number;
  descriptor?: number[];
}

/**
 * Detection floor for probes. On the test photos real faces score 0.48-0.98 (a half-turned girl in
 * the family photo 0.48) and nothing else reached 0.3.
 */
export const FACE_MIN_CONFIDENCE = 0.4;

/** At most this many faces per image (the maxResults the emulator always gave face-api). */
const MAX_FACES = 100;

async function detect<T>(
  img: RawImage,
  minConfidence: number,
  then: (found: SsdFace[]) => Promise<T[]>,
): Promise<T[]> {
  const found = await detectSsdFaces(img, minConfidence, MAX_FACES);
  return found.length ? then(found) : [];
}

/** Face boxes and scores only (for smart crops): the detector without the per-face nets. */
export function detectFaceBoxes(img: RawImage): Promise<Pick<DetectedFace, 'box' | 'score'>[]> {
  return detect(img, FACE_MIN_CONFIDENCE, async (found) =>
    found.map((d) => ({ box: [d.box.x, d.box.y, d.box.width, d.box.height], score: d.score })),
  );
}

export function analyzeFaces(
  img: RawImage,
  withDescriptors: boolean,
  minConfidence = FACE_MIN_CONFIDENCE,
): Promise<DetectedFace[]> {
  return detect(img, minConfidence, async (detections) => {
    const landmarks = (
      await detectLandmarks(
        img,
        detections.map((d) => d.box),
      )
    ).map((l, i) => l.shiftBy(detections[i]!.box.x, detections[i]!.box.y)); // crop -> raster coordinates
    const ageGender = await predictAgeGender(
      img,
      landmarks.map((l) => l.align()),
    );
    // The recognition net was trained on dlib-style alignment, as face-api's own chain uses.
    const descriptors = withDescriptors
      ? await computeDescriptors(
          img,
          landmarks.map((l) => l.align(null, { useDlibAlignment: true })),
        )
      : [];
    return detections.map((d, i): DetectedFace => {
      const { age, gender, genderProbability } = ageGender[i]!;
      const descriptor = descriptors[i];
      return {
        box: [d.box.x, d.box.y, d.box.width, d.box.height],
        score: d.score,
        age,
        gender,
        genderScore: genderProbability,
        ...(descriptor ? { descriptor: Array.from(descriptor) } : {}),
      };
    });
  });
}
