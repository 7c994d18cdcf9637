// The main-thread side of the models: makes each model's raster (downscaled to what the model
// needs), runs it on the pool and maps the answers back to original pixels and seam types.
import sharp from 'sharp';
import { toRaster } from '../image/raster.js';
import { OBJECT_MIN_CONFIDENCE } from '../models/object-thresholds.js';
import { LANDMARK_SIDE } from '../recognition/landmark-gallery.js';
import { LOGO_SIDE } from '../recognition/logo-gallery.js';
import { logoConfidence } from '../recognition/match-logos.js';
import { landmarkConfidence } from '../recognition/match-landmarks.js';
import { celebrityConfidence } from '../recognition/match-celebrity.js';
import type { FaceEvidence } from '../semantics/evidence.js';
import { toObjectResult } from '../semantics/object-hierarchy.js';
import type {
  AdultResult,
  CelebrityResult,
  BrandResult,
  LoadedImage,
  ObjectResult,
  RecognizedLandmark,
  Rect,
} from '../types.js';
import type { RawImage } from './protocol.js';
import type { WorkerPool } from './worker-pool.js';

/** Longest raster side per model: SSD and centernet work at 512 internally, nsfwjs at 224. */
const FACE_SIDE = 1024; // face crops for age/gender/recognition keep detail above the detector's 512
const OBJECT_SIDE = 640;
const NSFW_SIDE = 320;
/** nsfwjs class sums at which Azure's booleans flip. */
const ADULT_AT = 0.5;
const RACY_AT = 0.5;

export interface DetectedObjects {
  objects: ObjectResult[];
  weak: ObjectResult[];
}

export interface FacesAndCelebrities {
  faces: FaceEvidence[];
  celebrities: CelebrityResult[];
}

const toRect = (b: [number, number, number, number], scale: number): Rect => ({
  x: Math.round(b[0] / scale),
  y: Math.round(b[1] / scale),
  w: Math.round(b[2] / scale),
  h: Math.round(b[3] / scale),
});

export class ModelClient {
  constructor(private readonly pool: WorkerPool) {}

  private async raster(
    img: LoadedImage,
    maxSide: number,
    channels: 3 | 1,
    signal?: AbortSignal,
  ): Promise<{ image: RawImage; scale: number }> {
    signal?.throwIfAborted();
    const r = await toRaster(img, { maxSide, channels });
    return { image: { data: r.data, width: r.width, height: r.height }, scale: r.scale };
  }

  /** Faces with age and gender; with `recognize`, the gallery celebrities among them too. */
  async faces(
    img: LoadedImage,
    recognize: boolean,
    signal?: AbortSignal,
  ): Promise<FacesAndCelebrities> {
    const { image, scale } = await this.raster(img, FACE_SIDE, 3, signal);
    const found = await this.pool.run('faces', { image, recognize }, signal);
    const faces: FaceEvidence[] = [];
    const celebrities: CelebrityResult[] = [];
    // Reading order, left to right, as a person would list them.
    for (const f of found.sort((a, b) => a.box[0] - b.box[0])) {
      const rect = toRect(f.box, scale);
      const gender = f.gender === 'female' ? 'Female' : 'Male';
      faces.push({
        rect,
        age: Math.max(1, Math.round(f.age)),
        gender,
        confidence: f.score,
        genderConfidence: f.genderScore,
      });
      if (f.celebrity)
        celebrities.push({
          name: f.celebrity.name,
          confidence: celebrityConfidence(f.celebrity.distance),
          rect,
        });
    }
    return { faces, celebrities };
  }

  /** Face rectangles only (no age, gender or recognition), for smart crops. */
  async faceRects(img: LoadedImage, signal?: AbortSignal): Promise<Rect[]> {
    const { image, scale } = await this.raster(img, FACE_SIDE, 3, signal);
    const found = await this.pool.run('faceBoxes', { image }, signal);
    return found.map((f) => toRect(f.box, scale));
  }

  /** Reported objects, and weaker boxes kept only as supporting evidence (see object-detector.ts). */
  async objects(img: LoadedImage, signal?: AbortSignal): Promise<DetectedObjects> {
    const { image, scale } = await this.raster(img, OBJECT_SIDE, 3, signal);
    const found = await this.pool.run('objects', { image }, signal);
    const all = found
      .sort((a, b) => b.score - a.score)
      .map((o) => toObjectResult(o.label, o.score, toRect(o.box, scale)));
    return {
      objects: all.filter((o) => o.confidence >= OBJECT_MIN_CONFIDENCE),
      weak: all.filter((o) => o.confidence < OBJECT_MIN_CONFIDENCE),
    };
  }

  /**
   * nsfwjs classes: Porn + Hentai -> adult; Sexy + adult -> racy (explicit content is racy too).
   * No shipped model scores gore, so goreScore is 0 (a documented deviation, not a measurement).
   */
  async adult(img: LoadedImage, signal?: AbortSignal): Promise<AdultResult> {
    const { image } = await this.raster(img, NSFW_SIDE, 3, signal);
    const s = await this.pool.run('nsfw', { image }, signal);
    const adultScore = s.Porn + s.Hentai;
    const racyScore = Math.min(1, s.Sexy + adultScore);
    return {
      isAdultContent: adultScore >= ADULT_AT,
      isRacyContent: racyScore >= RACY_AT,
      isGoryContent: false,
      adultScore,
      racyScore,
      goreScore: 0,
    };
  }

  async landmarks(img: LoadedImage, signal?: AbortSignal): Promise<RecognizedLandmark[]> {
    const { image } = await this.raster(img, LANDMARK_SIDE, 1, signal);
    const found = await this.pool.run('landmarks', { image }, signal);
    return found.map(({ inliers, ...m }) => ({ ...m, confidence: landmarkConfidence(inliers) }));
  }

  /** Gallery logos, with the rectangle their verified matches cover (original pixels). */
  async logos(img: LoadedImage, signal?: AbortSignal): Promise<BrandResult[]> {
    const { image, scale } = await this.raster(img, LOGO_SIDE, 1, signal);
    // A small photo is enlarged to LOGO_SIDE: its logo would otherwise hold too few keypoints.
    const enlarge = LOGO_SIDE / Math.max(image.width, image.height);
    const query =
      enlarge > 1
        ? await enlarged(
            image,
            Math.round(image.width * enlarge),
            Math.round(image.height * enlarge),
          )
        : image;
    const toOriginal = scale * Math.max(1, enlarge);
    const found = await this.pool.run('logos', { image: query }, signal);
    return found.map((m) => ({
      name: m.name,
      confidence: logoConfidence(m.inliers),
      rect: toRect(m.box, toOriginal),
    }));
  }
}

async function enlarged(grey: RawImage, width: number, height: number): Promise<RawImage> {
  const data = await sharp(grey.data, {
    raw: { width: grey.width, height: grey.height, channels: 1 },
  })
    .resize({ width, height })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return { data, width, height };
}
