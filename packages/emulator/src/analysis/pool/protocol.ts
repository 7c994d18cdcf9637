// Messages between the backend (main thread) and the model workers.
import type { DetectedFace } from '../models/face-analyzer.js';
import type { DetectedObject } from '../models/object-detector.js';
import type { NsfwScores } from '../models/nsfw-classifier.js';
import type { LogFields, LogLevel } from '../../logger.js';

/** An RGB raster (3 bytes per pixel) handed to a model. */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A face and, when recognition was asked, the gallery identity it matched. */
export interface RecognizedFace extends DetectedFace {
  celebrity?: { name: string; distance: number };
}
export interface LandmarkMatch {
  name: string;
  inliers: number;
  /** From the gallery's about.json (landmark-gallery.ts). */
  caption?: string;
  tags?: string[];
}
/** A gallery logo found in the query; `box` is [x, y, w, h] in the query raster's pixels. */
export interface LogoMatch {
  name: string;
  inliers: number;
  box: [number, number, number, number];
}

/** Task kinds with their input and output. */
export interface TaskMap {
  faces: { in: { image: RawImage; recognize: boolean }; out: RecognizedFace[] };
  /** Boxes only, for smart crops. */
  faceBoxes: { in: { image: RawImage }; out: Pick<DetectedFace, 'box' | 'score'>[] };
  /** Down to SUPPORT_MIN_CONFIDENCE; the client splits off the weak ones. */
  objects: { in: { image: RawImage }; out: DetectedObject[] };
  nsfw: { in: { image: RawImage }; out: NsfwScores };
  /** `image` is one channel (grey). */
  landmarks: { in: { image: RawImage }; out: LandmarkMatch[] };
  /** `image` is one channel (grey). */
  logos: { in: { image: RawImage }; out: LogoMatch[] };
  /** Loads every model and the gallery ahead of the first request. */
  warmup: { in: { kinds: TaskKind[] }; out: null };
}
export type TaskKind = keyof TaskMap;

export interface TaskMessage<K extends TaskKind = TaskKind> {
  id: number;
  kind: K;
  input: TaskMap[K]['in'];
}
export type ReplyMessage =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };

/** A line the worker logs, handed to the emulator's logger by the main thread. */
export interface LogMessage {
  log: { level: LogLevel; msg: string; fields?: LogFields };
}

/** What every worker is started with. */
export interface WorkerConfig {
  galleryDirs: string[];
}
