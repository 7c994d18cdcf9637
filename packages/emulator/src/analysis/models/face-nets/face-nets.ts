// face-api's per-face nets (68 landmarks, age/gender, 128-d recognition) on face-api's loaded
// weights through our own forward passes: inputs built in JS (no mean-tensor concat), scale
// layers folded into the convs, bias and ReLU fused into them. Same answers as face-api's
// detectLandmarks, predictAgeAndGender and computeFaceDescriptor on the same crops.
import type * as Tf from '@tensorflow/tfjs';
import type { RawImage } from '../../pool/protocol.js';
import { loadFaceApi, type FaceApiModule } from '../face-api-runtime.js';
import { sharedTf } from '../tf-runtime.js';
import type { BoxLike } from '../face-crops.js';
import {
  AGE_GENDER_INPUT_SIZE,
  type AgeGenderNet,
  fuseAgeGenderNet,
  runAgeGenderNet,
} from './age-gender-net.js';
import { faceBatch } from './face-batch.js';
import {
  LANDMARK_INPUT_SIZE,
  type LandmarkNet,
  landmarkNetOf,
  runLandmarkNet,
} from './landmark-net.js';
import {
  fuseRecognitionNet,
  RECOGNITION_INPUT_SIZE,
  type RecognitionNet,
  runRecognitionNet,
} from './recognition-net.js';

type Tf = typeof Tf;
export type FaceLandmarks68 = InstanceType<FaceApiModule['FaceLandmarks68']>;
export interface AgeGender {
  age: number;
  gender: 'male' | 'female';
  genderProbability: number;
}

interface FaceNets {
  api: FaceApiModule;
  tf: Tf;
  landmarks: LandmarkNet;
  ageGender: AgeGenderNet;
  recognition: RecognitionNet;
}

let loaded: Promise<FaceNets> | undefined;
function loadFaceNets(): Promise<FaceNets> {
  loaded ??= (async () => {
    const api = await loadFaceApi();
    const recognition = api.nets.faceRecognitionNet.params;
    if (!recognition) throw new Error('face-api faceRecognitionNet weights are not loaded');
    const tf = sharedTf();
    return {
      api,
      tf,
      landmarks: landmarkNetOf(api),
      ageGender: fuseAgeGenderNet(tf, api),
      recognition: fuseRecognitionNet(tf, recognition),
    };
  })();
  return loaded;
}

/**
 * Runs `net` on the faces at `boxes` resized to `size`: its output values (rows of `width`) and
 * the crops' sizes. No faces, no run.
 */
function runOnFaces(
  tf: Tf,
  img: RawImage,
  boxes: BoxLike[],
  size: number,
  net: (input: Tf.Tensor4D) => Tf.Tensor2D,
) {
  const { pixels, crops } = faceBatch(img, boxes, size);
  if (!crops.length) return { values: new Float32Array(0), width: 0, crops };
  const output = tf.tidy(() => net(tf.tensor4d(pixels, [crops.length, size, size, 3], 'float32')));
  try {
    return { values: output.dataSync() as Float32Array, width: output.shape[1], crops };
  } finally {
    output.dispose();
  }
}

/**
 * 68 landmarks per face, in pixels of its crop (face-api's detectLandmarks on the crops). The net
 * answers relative to the crop centred in a square; face-api maps that back with the centring
 * offset unrounded, and so does this.
 */
export async function detectLandmarks(img: RawImage, boxes: BoxLike[]): Promise<FaceLandmarks68[]> {
  const { api, tf, landmarks } = await loadFaceNets();
  const size = LANDMARK_INPUT_SIZE;
  const { values, width, crops } = runOnFaces(tf, img, boxes, size, (x) =>
    runLandmarkNet(tf, landmarks, x),
  );
  return crops.map((crop, i) => {
    const scale = size / Math.max(crop.width, crop.height);
    const w = crop.width * scale;
    const h = crop.height * scale;
    const padX = w < h ? (h - w) / 2 : 0;
    const padY = h < w ? (w - h) / 2 : 0;
    const points = Array.from(
      { length: 68 },
      (_, k) =>
        new api.Point(
          (values[i * width + 2 * k]! * size - padX) / w,
          (values[i * width + 2 * k + 1]! * size - padY) / h,
        ),
    );
    return new api.FaceLandmarks68(points, crop);
  });
}

/** Age and gender per face (face-api's predictAgeAndGender on the crops). */
export async function predictAgeGender(img: RawImage, boxes: BoxLike[]): Promise<AgeGender[]> {
  const { tf, ageGender } = await loadFaceNets();
  const { values, width, crops } = runOnFaces(tf, img, boxes, AGE_GENDER_INPUT_SIZE, (x) =>
    runAgeGenderNet(tf, ageGender, x),
  );
  return crops.map((_, i) => {
    const [age, male, female] = [
      values[i * width]!,
      values[i * width + 1]!,
      values[i * width + 2]!,
    ];
    const probMale = 1 / (1 + Math.exp(female - male)); // softmax over the two logits
    return probMale > 0.5
      ? { age, gender: 'male', genderProbability: probMale }
      : { age, gender: 'female', genderProbability: 1 - probMale };
  });
}

/** 128-d descriptor per face (face-api's computeFaceDescriptor on the crops). */
export async function computeDescriptors(img: RawImage, boxes: BoxLike[]): Promise<Float32Array[]> {
  const { tf, recognition } = await loadFaceNets();
  const { values, width, crops } = runOnFaces(tf, img, boxes, RECOGNITION_INPUT_SIZE, (x) =>
    runRecognitionNet(tf, recognition, x),
  );
  return crops.map((_, i) => values.slice(i * width, (i + 1) * width));
}
