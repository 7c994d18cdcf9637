// Our fused landmark, age/gender and recognition nets against face-api's own nets on the same
// faces: the SSD's boxes, then the boxes aligned by face-api's landmarks (so every net of both
// sides sees the same crop).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { testImage, testRaster } from '../../image/__tests__/test-images.js';
import { loadFaceApi } from '../face-api-runtime.js';
import { cropFaces } from '../face-crops.js';
import { detectSsdFaces } from '../ssd/face-detector.js';
import {
  computeDescriptors,
  detectLandmarks,
  type FaceLandmarks68,
  predictAgeGender,
} from './face-nets.js';

const GALLERY = fileURLToPath(new URL('../../../../gallery/celebrities', import.meta.url));
const galleryFiles = readdirSync(GALLERY, { recursive: true, encoding: 'utf8' }).filter((f) =>
  /\.(jpe?g|png)$/i.test(f),
);

/** The raster the analysis gets (at most 1024 px on the long side). */
const raster = (image: string | Buffer) => testRaster(image, 1024);

describe('face nets', () => {
  it("match face-api's landmark, age/gender and recognition nets on the test and gallery faces", async () => {
    const api = await loadFaceApi();
    const upscaled = await sharp(testImage('csdf-faces.jpg'))
      .resize({ width: 1155 })
      .jpeg({ quality: 85 })
      .toBuffer();
    // [name, image, detection floor]: the gallery's floor is the one celebrity-gallery.ts uses.
    const cases: [string, Buffer | string, number][] = [
      ['csdf-faces.jpg at 1155 px', upscaled, 0.4],
      ...['csdf-celebrities.jpg', 'skimage-astronaut.png', 'csdf-objects.jpg'].map(
        (n): [string, Buffer, number] => [n, testImage(n), 0.4],
      ),
      ...galleryFiles.map((f): [string, string, number] => [f, path.join(GALLERY, f), 0.1]),
    ];
    let faces = 0;
    for (const [name, source, floor] of cases) {
      const img = await raster(source);
      const boxes = (await detectSsdFaces(img, floor, 100)).map((f) => f.box);
      expect(boxes.length, name).toBeGreaterThan(0);
      faces += boxes.length;
      // face-api's own nets on its own crops (cropFaces is bit-identical to its extractFaceTensors).
      const own = async <T>(
        b: typeof boxes,
        run: (crops: ReturnType<typeof cropFaces>) => Promise<T | T[]>,
      ): Promise<T[]> => {
        const crops = cropFaces(api, img, b);
        try {
          const out = await run(crops);
          return Array.isArray(out) ? out : [out];
        } finally {
          for (const c of crops) c.dispose();
        }
      };

      const expectedLandmarks = await own<FaceLandmarks68>(boxes, (c) =>
        api.nets.faceLandmark68Net.detectLandmarks(c),
      );
      const landmarks = await detectLandmarks(img, boxes);
      expect(landmarks.length, name).toBe(expectedLandmarks.length);
      landmarks.forEach((l, i) =>
        l.positions.forEach((p, k) => {
          const e = expectedLandmarks[i]!.positions[k]!;
          expect(
            Math.max(Math.abs(p.x - e.x), Math.abs(p.y - e.y)),
            `${name} face ${i} point ${k}`,
          ).toBeLessThan(0.5);
        }),
      );

      const placed = expectedLandmarks.map((l, i) => l.shiftBy(boxes[i]!.x, boxes[i]!.y));
      const aligned = placed.map((l) => l.align());
      const expectedAgeGender = await own(aligned, (c) =>
        api.nets.ageGenderNet.predictAgeAndGender(c),
      );
      const ageGender = await predictAgeGender(img, aligned);
      ageGender.forEach((a, i) => {
        const e = expectedAgeGender[i]!;
        expect(Math.abs(a.age - e.age), `${name} face ${i} age`).toBeLessThan(0.1);
        expect(a.gender, `${name} face ${i} gender`).toBe(e.gender);
        expect(
          Math.abs(a.genderProbability - e.genderProbability),
          `${name} face ${i} gender probability`,
        ).toBeLessThan(1e-3);
      });

      const dlibAligned = placed.map((l) => l.align(null, { useDlibAlignment: true }));
      const expectedDescriptors = await own<Float32Array>(dlibAligned, (c) =>
        api.nets.faceRecognitionNet.computeFaceDescriptor(c),
      );
      const descriptors = await computeDescriptors(img, dlibAligned);
      expect(descriptors.length, name).toBe(expectedDescriptors.length);
      descriptors.forEach((d, i) => {
        const worst = Math.max(...d.map((v, k) => Math.abs(v - expectedDescriptors[i]![k]!)));
        expect(worst, `${name} face ${i} descriptor`).toBeLessThan(1e-4);
      });
    }
    expect(faces).toBeGreaterThanOrEqual(12 + galleryFiles.length);
  }, 300_000);
});
