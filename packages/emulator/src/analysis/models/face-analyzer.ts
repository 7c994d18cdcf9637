// Faces through face-api: SsdMobilenetv1 finds small faces that blazeface misses (4/4 vs 1/4 on the
// 38-49 px faces of the celebrities photo), then 68 landmarks align each face for the age/gender
// net and, when recognition is asked, the 128-d descriptor.
import type { RawImage } from '../pool/protocol.js';
import { loadFaceApi } from './face-api-runtime.js';

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

export async function analyzeFaces(img: RawImage, withDescriptors: boolean, minConfidence = FACE_MIN_CONFIDENCE): Promise<DetectedFace[]> {
  const api = await loadFaceApi();
  const input = api.tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
  try {
    const options = new api.SsdMobilenetv1Options({ minConfidence, maxResults: 100 });
    const base = api.detectAllFaces(input as never, options).withFaceLandmarks().withAgeAndGender();
    const found = withDescriptors ? await base.withFaceDescriptors() : await base;
    return found.map((f) => {
      const b = f.detection.box;
      const d = (f as { descriptor?: Float32Array }).descriptor;
      return {
        box: [b.x, b.y, b.width, b.height], score: f.detection.score, age: f.age,
        gender: f.gender === 'female' ? 'female' : 'male', genderScore: f.genderProbability,
        ...(d ? { descriptor: Array.from(d) } : {}),
      };
    });
  } finally {
    input.dispose();
  }
}
