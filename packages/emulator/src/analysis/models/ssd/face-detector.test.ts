// Our SSD forward passes (onnxruntime-node and the tfjs fallback) against face-api's own
// detectAllFaces on the same weights.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stderrLogger } from '../../../logger.js';
import { testImage, testRaster } from '../../image/__tests__/test-images.js';
import { setWorkerLogSink } from '../../pool/worker-log.js';
import { loadFaceApi } from '../face-api-runtime.js';
import {
  createSsdDetector,
  detectSsdFaces,
  type SsdDetector,
  type SsdFace,
} from './face-detector.js';

/** Faces found by face-api: 6, 4, 1, 1; none in the others. The 1155 px family photo is the bench's. */
const IMAGES = [
  'csdf-faces.jpg',
  'csdf-celebrities.jpg',
  'skimage-astronaut.png',
  'csdf-objects.jpg',
  'csdf-house.jpg',
  'csdf-dog.jpg',
  'skimage-horse.png',
  'csdf-ocr-image.png',
];

/** The raster the analysis gets (at most 1024 px on the long side). */
const raster = (image: string | Buffer) => testRaster(image, 1024);

type Detect = (img: Awaited<ReturnType<typeof raster>>) => Promise<SsdFace[]>;

/** Runs `detect` on every test image next to face-api's detector; returns how many images had faces. */
async function compareWithFaceApi(detect: Detect): Promise<number> {
  const api = await loadFaceApi();
  const upscaled = await sharp(testImage('csdf-faces.jpg'))
    .resize({ width: 1155 })
    .jpeg({ quality: 85 })
    .toBuffer();
  const cases: [string, Buffer][] = [
    ...IMAGES.map((n): [string, Buffer] => [n, testImage(n)]),
    ['csdf-faces.jpg at 1155 px', upscaled],
  ];
  let withFaces = 0;
  for (const [name, bytes] of cases) {
    const img = await raster(bytes);
    const input = api.tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
    const expected = await api.detectAllFaces(
      input as never,
      new api.SsdMobilenetv1Options({ minConfidence: 0.4, maxResults: 100 }),
    );
    input.dispose();
    const found = await detect(img);
    expect(found.length, name).toBe(expected.length);
    if (found.length) withFaces++;
    found.forEach((f, i) => {
      const e = expected[i]!;
      expect(Math.abs(f.score - e.score), `${name} face ${i} score`).toBeLessThan(5e-4);
      for (const k of ['x', 'y', 'width', 'height'] as const)
        expect(Math.abs(f.box[k] - e.box[k]), `${name} face ${i} ${k}`).toBeLessThan(0.5);
    });
  }
  return withFaces;
}

/** The model code's warnings go to the worker log (the emulator's logger), not the console. */
function captureWorkerWarnings(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  setWorkerLogSink((level, msg) => {
    if (level === 'warn') lines.push(msg);
  });
  return {
    lines,
    restore: () => setWorkerLogSink((level, msg, fields) => stderrLogger[level](msg, fields)),
  };
}

describe('detectSsdFaces', () => {
  it('runs the SSD on onnxruntime-node where its binary loads (linux x64 here)', async () => {
    const warnings = captureWorkerWarnings();
    try {
      expect((await createSsdDetector()).engine).toBe('onnxruntime');
      expect(warnings.lines).toEqual([]);
    } finally {
      warnings.restore();
    }
  }, 60_000);

  it("finds face-api's SsdMobilenetv1 faces, boxes within 0.5 px and scores within 5e-4", async () => {
    expect(await compareWithFaceApi((img) => detectSsdFaces(img, 0.4, 100))).toBe(5);
  }, 180_000);

  it('falls back to the tfjs forward pass, with one warning, when onnxruntime-node does not load', async () => {
    const warnings = captureWorkerWarnings();
    let tfjs: SsdDetector;
    try {
      tfjs = await createSsdDetector(() => {
        throw new Error('no onnxruntime binary for this platform');
      });
      expect(warnings.lines).toHaveLength(1);
      expect(warnings.lines[0]).toMatch(/falls back to tfjs.*no onnxruntime binary/);
    } finally {
      warnings.restore();
    }
    expect(tfjs.engine).toBe('tfjs');
    expect(await compareWithFaceApi((img) => tfjs.detect(img, 0.4, 100))).toBe(5);
  }, 180_000);
});
