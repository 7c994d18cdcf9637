// The seam between the HTTP layer (routes, wire shapes, errors) and the image analysis.
// Everything here is in original-image pixel coordinates and version-neutral; the routes turn it
// into v3.2 or v1.0 JSON. Analysis never throws Azure errors itself: it throws ImageDecodeError
// (-> InvalidImageFormat) and the routes own every other check (sizes, dimensions, params).
import type { LoadLimits } from './image/limits.js';

export type { LoadLimits };

export type ImageFormat = 'Jpeg' | 'Png' | 'Gif' | 'Bmp' | 'Tiff' | 'Webp' | 'Pdf';

/** An image decoded once per request and shared by every feature of that request. */
export interface LoadedImage {
  readonly bytes: Buffer;
  readonly format: ImageFormat;
  /** Of the first page/frame, in pixels (for PDFs: of page 1 rendered at 72 dpi). */
  readonly width: number;
  readonly height: number;
  /** Number of pages (PDF, multi-page TIFF); 1 otherwise. */
  readonly pages: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FaceResult {
  rect: Rect;
  age: number;
  gender: 'Male' | 'Female';
  confidence: number;
}
export interface ObjectResult {
  rect: Rect;
  name: string;
  confidence: number;
  parent?: { name: string; confidence: number; parent?: { name: string; confidence: number } };
}
export interface TagResultItem {
  name: string;
  confidence: number;
  hint?: string;
}
export interface CaptionResult {
  text: string;
  confidence: number;
}
export interface CategoryResult {
  name: string;
  score: number;
}
export interface ColorResult {
  dominantColorForeground: string;
  dominantColorBackground: string;
  dominantColors: string[];
  accentColor: string;
  isBWImg: boolean;
}
export interface ImageTypeResult {
  clipArtType: 0 | 1 | 2 | 3;
  lineDrawingType: 0 | 1;
}
export interface AdultResult {
  isAdultContent: boolean;
  isRacyContent: boolean;
  isGoryContent: boolean;
  adultScore: number;
  racyScore: number;
  goreScore: number;
}
export interface CelebrityResult {
  name: string;
  confidence: number;
  rect: Rect;
}
export interface BrandResult {
  name: string;
  confidence: number;
  rect: Rect;
}
export interface LandmarkResult {
  name: string;
  confidence: number;
}
/** A landmark with what the gallery says about it, for captions and tags (not on the wire). */
export interface RecognizedLandmark extends LandmarkResult {
  caption?: string;
  tags?: string[];
}

export interface OcrWordResult {
  text: string;
  rect: Rect;
}
export interface OcrLineResult {
  rect: Rect;
  words: OcrWordResult[];
}
export interface OcrRegionResult {
  rect: Rect;
  lines: OcrLineResult[];
}
export interface OcrAnalysis {
  /** Language code as Azure names it ('en', 'unk' when unknown). */
  language: string;
  /** Radians, as in v3.2 (v1.0 routes convert to degrees). */
  textAngle: number;
  orientation: 'Up' | 'Down' | 'Left' | 'Right' | 'NotDetected';
  regions: OcrRegionResult[];
}

/** 8 numbers, clockwise from top-left: x1,y1,x2,y2,x3,y3,x4,y4. */
export type Quad = [number, number, number, number, number, number, number, number];
export interface ReadWordResult {
  text: string;
  box: Quad;
  confidence: number;
}
export interface ReadLineResult {
  text: string;
  box: Quad;
  words: ReadWordResult[];
  style: 'other' | 'handwriting';
  styleConfidence: number;
}
export interface ReadPageResult {
  page: number;
  angle: number;
  width: number;
  height: number;
  unit: 'pixel' | 'inch';
  language?: string;
  lines: ReadLineResult[];
}

export interface PersonResult {
  rect: Rect;
  confidence: number;
}
/** A caption of the whole image or of one region (Image Analysis 4.0 dense captions). */
export interface DenseCaptionResult extends CaptionResult {
  rect: Rect;
}
/** A smart crop at one aspect ratio (width / height), in original pixels. */
export interface SmartCropResult {
  aspectRatio: number;
  rect: Rect;
}

export interface AnalyzeRequest {
  /** People boxes from the person detector (Image Analysis 4.0). */
  people?: boolean;
  /** The whole image's caption plus one per strongest region (Image Analysis 4.0). */
  denseCaptions?: boolean;
  faces?: boolean;
  objects?: boolean;
  tags?: boolean;
  description?: { maxCandidates: number };
  categories?: boolean;
  color?: boolean;
  imageType?: boolean;
  adult?: boolean;
  brands?: boolean;
  celebrities?: boolean;
  landmarks?: boolean;
}
/** Only the asked-for parts are present. */
export interface AnalyzeResult {
  people?: PersonResult[];
  denseCaptions?: DenseCaptionResult[];
  faces?: FaceResult[];
  objects?: ObjectResult[];
  tags?: TagResultItem[];
  description?: { tags: string[]; captions: CaptionResult[] };
  categories?: (CategoryResult & {
    celebrities?: CelebrityResult[];
    landmarks?: LandmarkResult[];
  })[];
  color?: ColorResult;
  imageType?: ImageTypeResult;
  adult?: AdultResult;
  brands?: BrandResult[];
  celebrities?: CelebrityResult[];
  landmarks?: LandmarkResult[];
}

export interface AnalysisOptions {
  signal?: AbortSignal;
}

/** The analysis backend. One shared instance per emulator; heavy models load lazily on first use. */
export interface VisionBackend {
  /** Decodes and measures; throws ImageDecodeError when the bytes are not an image it can read. */
  load(bytes: Buffer, limits?: LoadLimits): Promise<LoadedImage>;
  /** Computes only the requested parts, sharing detections between them (faces feed tags, captions, categories...). */
  analyze(img: LoadedImage, req: AnalyzeRequest, opts?: AnalysisOptions): Promise<AnalyzeResult>;
  thumbnail(
    img: LoadedImage,
    width: number,
    height: number,
    smartCropping: boolean,
    opts?: AnalysisOptions,
  ): Promise<{ data: Buffer; contentType: string }>;
  areaOfInterest(img: LoadedImage, opts?: AnalysisOptions): Promise<Rect>;
  /**
   * Smart crops (Image Analysis 4.0): the saliency crop for each ratio, faces first; without
   * ratios one crop at the ratio the content suggests (0.5 to 2.0).
   */
  smartCrops(
    img: LoadedImage,
    ratios: readonly number[] | undefined,
    opts?: AnalysisOptions,
  ): Promise<SmartCropResult[]>;
  ocr(
    img: LoadedImage,
    params: { language: string; detectOrientation: boolean },
    opts?: AnalysisOptions,
  ): Promise<OcrAnalysis>;
  read(
    img: LoadedImage,
    params: {
      language?: string;
      pages?: number[];
      readingOrder: 'basic' | 'natural';
      handwriting?: boolean;
    },
    opts?: AnalysisOptions,
  ): Promise<ReadPageResult[]>;
  /** Releases workers and models. */
  close(): Promise<void>;
}

export class ImageDecodeError extends Error {
  override readonly name = 'ImageDecodeError';
}

/**
 * A bounded work queue (model workers, OCR workers) is full: the request is refused instead of
 * waiting without bound. The HTTP layer answers 429 with Retry-After, as Azure does when busy.
 */
export class BackendBusyError extends Error {
  override readonly name = 'BackendBusyError';
  constructor(queue: string, max: number) {
    super(`${queue}: ${max} tasks are already waiting`);
  }
}

/** The image's header or page count is over the operation's LoadLimits; nothing was decoded. */
export class ImageLimitError extends Error {
  override readonly name = 'ImageLimitError';
  constructor(
    readonly limit:
      | { kind: 'dimensions'; width: number; height: number }
      | { kind: 'pages'; pages: number; maxPages: number },
  ) {
    super(
      limit.kind === 'pages'
        ? `document has ${limit.pages} pages, more than ${limit.maxPages}`
        : `image dimensions ${limit.width}x${limit.height} are over the limit`,
    );
  }
}
