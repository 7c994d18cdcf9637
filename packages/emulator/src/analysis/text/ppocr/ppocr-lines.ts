// PP-OCR on one RGB raster: the detector at a bounded resolution finds text pieces, pieces on one
// line are joined, the direction classifier flags upside-down lines, and the recogniser reads the
// lines in batches of similar width; each line is cut into words at the spaces it reads and at
// the gaps the detector saw between pieces.
import sharp from 'sharp';
import { correctWords } from './correct-words.js';
import { ctcGreedy, ctcWords, spaceAtCuts } from './ctc-decode.js';
import { DB_DEFAULTS, dbBoxes } from './db-postprocess.js';
import { sampleBox, stretchContrast, type RgbRaster } from './crop-sampler.js';
import { groupLines, unionAlong } from './group-lines.js';
import { handwritingLikelihood } from './handwriting.js';
import { englishLexicon } from './lexicon.js';
import { wordGaps } from './line-ink.js';
import { ppOcrModels, type PpOcrModels } from './ppocr-models.js';
import { corners, fromCorners, reversed, slice, type TextBox } from './text-box.js';

export interface PpWord {
  text: string;
  box: TextBox;
  confidence: number;
}
export interface PpLine {
  text: string;
  box: TextBox;
  words: PpWord[];
  /** Mean character probability of the line (0..1). */
  confidence: number;
  /** The detector's mean text probability over the line's pieces (0..1). */
  detScore: number;
  /** Likelihood that the line is handwritten (0..1); undefined when it cannot tell. */
  handwriting?: number;
}

/** Longest side the detector sees: text in larger images is found on a shrunk copy. */
export const DET_MAX_SIDE = 960;
/** Shortest side small images are enlarged to for the detector (tiny text vanishes otherwise). */
const DET_MIN_SIDE = 480;
const REC_HEIGHT = 48;
/** Narrowest recogniser input (PaddleOCR pads every line to at least 320 x 48). */
const REC_MIN_WIDTH = 320;
/** Widest line crop: 48 x 3200 holds ~100 characters. */
const REC_MAX_WIDTH = 3200;
const REC_BATCH = 8;
const CLS_WIDTH = 192;
/** The direction classifier must be this sure a line is upside down to turn it. */
const CLS_FLIP = 0.9;

const ceil32 = (v: number): number => Math.max(32, Math.round(v / 32) * 32);

type Piece = TextBox & { score: number };

async function detect(m: PpOcrModels, r: RgbRaster, signal?: AbortSignal): Promise<Piece[]> {
  const long = Math.max(r.width, r.height);
  const short = Math.min(r.width, r.height);
  const scale = Math.min(DET_MAX_SIDE / long, Math.max(1, DET_MIN_SIDE / short));
  const w = ceil32(r.width * scale);
  const h = ceil32(r.height * scale);
  const px = await sharp(r.data, { raw: { width: r.width, height: r.height, channels: 3 } })
    .resize(w, h, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  signal?.throwIfAborted();
  // BGR, ImageNet mean and deviation per channel in that order (as PaddleOCR trains it).
  const mean = [0.485, 0.456, 0.406];
  const std = [0.229, 0.224, 0.225];
  const input = new Float32Array(3 * w * h);
  for (let i = 0; i < w * h; i++) {
    for (let c = 0; c < 3; c++)
      input[c * w * h + i] = (px[i * 3 + (2 - c)]! / 255 - mean[c]!) / std[c]!;
  }
  const out = await m.detector.run({ x: new m.ort.Tensor('float32', input, [1, 3, h, w]) });
  const map = Object.values(out)[0]!.data as Float32Array;
  const [sx, sy] = [r.width / w, r.height / h];
  return dbBoxes(map, w, h, DB_DEFAULTS).map((b) => ({
    ...fromCorners(corners(b).map((p) => ({ x: p.x * sx, y: p.y * sy }))),
    score: b.score,
  }));
}

/** Which boxes the direction classifier is sure are upside down. */
async function upsideDown(m: PpOcrModels, r: RgbRaster, boxes: TextBox[]): Promise<boolean[]> {
  if (!boxes.length) return [];
  const data = new Float32Array(boxes.length * 3 * REC_HEIGHT * CLS_WIDTH);
  const target = { data, width: CLS_WIDTH, height: REC_HEIGHT };
  boxes.forEach((b, i) =>
    sampleBox(
      r,
      b,
      target,
      i,
      Math.min(CLS_WIDTH, Math.ceil((REC_HEIGHT * b.length) / b.thickness)),
    ),
  );
  const out = await m.direction.run({
    x: new m.ort.Tensor('float32', data, [boxes.length, 3, REC_HEIGHT, CLS_WIDTH]),
  });
  const p = Object.values(out)[0]!.data as Float32Array;
  return boxes.map((_, i) => p[i * 2 + 1]! > CLS_FLIP);
}

/** One crop to read: a line box, where its pieces were apart (0..1 along it), and how. */
export interface RecItem {
  box: TextBox;
  gaps: number[];
  stretch: boolean;
}
export interface RecResult {
  text: string;
  words: PpWord[];
  confidence: number;
}

const cropWidth = (b: TextBox): number =>
  Math.min(REC_MAX_WIDTH, Math.max(8, Math.ceil((REC_HEIGHT * b.length) / b.thickness)));

async function recognize(
  m: PpOcrModels,
  r: RgbRaster,
  items: RecItem[],
  signal?: AbortSignal,
): Promise<(RecResult | undefined)[]> {
  const order = items
    .map((_, i) => i)
    .sort((a, b) => cropWidth(items[a]!.box) - cropWidth(items[b]!.box));
  const results: (RecResult | undefined)[] = new Array(items.length);
  for (let start = 0; start < order.length; start += REC_BATCH) {
    signal?.throwIfAborted();
    const batch = order.slice(start, start + REC_BATCH);
    const widths = batch.map((i) => cropWidth(items[i]!.box));
    const tensorW = Math.max(REC_MIN_WIDTH, ...widths);
    const data = new Float32Array(batch.length * 3 * REC_HEIGHT * tensorW);
    const target = { data, width: tensorW, height: REC_HEIGHT };
    batch.forEach((i, k) => {
      sampleBox(r, items[i]!.box, target, k, widths[k]!);
      if (items[i]!.stretch) stretchContrast(target, k, widths[k]!);
    });
    const out = await m.recognizer.run({
      x: new m.ort.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, tensorW]),
    });
    const t = Object.values(out)[0]!;
    const [, steps, classes] = t.dims as [number, number, number];
    const probs = t.data as Float32Array;
    batch.forEach((i, k) => {
      const item = items[i]!;
      // Timesteps over the crop itself, not its padding.
      const span = (widths[k]! / tensorW) * steps;
      const used = Math.min(steps, Math.ceil(span));
      const rows = probs.subarray(k * steps * classes, (k * steps + used) * classes);
      const decoded = ctcGreedy(rows, used, classes, m.charset);
      // Spaces where the detector saw separate pieces or the crop shows a blank run as wide as
      // a word space: the recogniser (trained mostly on Chinese) often reads Latin words joined.
      const cuts = [
        ...item.gaps.map((g) => g * span),
        ...wordGaps(r, item.box, widths[k]!).map((x) => (x / widths[k]!) * span),
      ];
      const chars = correctWords(
        spaceAtCuts(decoded, cuts),
        { probs: rows, classes, steps: used, classOf: m.classOf },
        englishLexicon(),
      );
      const words = ctcWords(chars, span);
      if (!words.length) return;
      results[i] = {
        text: words.map((w) => w.text).join(' '),
        words: words.map((w) => ({
          text: w.text,
          box: slice(item.box, w.from, w.to),
          confidence: w.confidence,
        })),
        confidence: decoded.reduce((s, c) => s + c.p, 0) / Math.max(1, decoded.length),
      };
    });
  }
  return results;
}

/** Where along `line` (0..1) the pieces leave gaps between them. */
function gapsBetween(line: TextBox, pieces: TextBox[]): number[] {
  const start = line.cx * line.ux + line.cy * line.uy - line.length / 2;
  const spans = pieces
    .map((p) => {
      const c = p.cx * line.ux + p.cy * line.uy - start;
      return [c - p.length / 2, c + p.length / 2] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  const gaps: number[] = [];
  for (let i = 1; i < spans.length; i++) {
    const [end, next] = [spans[i - 1]![1], spans[i]![0]];
    if (next > end) gaps.push((end + next) / 2 / line.length);
  }
  return gaps;
}

export interface PpOcrOptions {
  /** Also read every line with stretched contrast and keep the surer reading. */
  stretchToo: boolean;
}

/** A line the detector found: its box, the pieces it was joined from, their mean score. */
export interface DetectedLine {
  box: TextBox;
  parts: TextBox[];
  detScore: number;
}

/** Lines of text in `r` (boxes in its pixels), not yet read, in no particular order. */
export async function detectTextLines(r: RgbRaster, signal?: AbortSignal): Promise<DetectedLine[]> {
  const m = await ppOcrModels();
  const pieces = await detect(m, r, signal);
  signal?.throwIfAborted();
  return groupLines(pieces).map((g) => {
    const parts = g.map((i) => pieces[i]!);
    const longest = [...parts].sort((a, b) => b.length - a.length)[0]!;
    const box = unionAlong(longest, parts);
    return { box, parts, detScore: parts.reduce((s, p) => s + p.score, 0) / parts.length };
  });
}

/** Reads detected lines; lines that read as nothing are left out. */
export async function readTextLines(
  r: RgbRaster,
  lines: readonly DetectedLine[],
  opts: PpOcrOptions,
  signal?: AbortSignal,
): Promise<PpLine[]> {
  const m = await ppOcrModels();
  const flip = await upsideDown(
    m,
    r,
    lines.map((l) => l.box),
  );
  signal?.throwIfAborted();
  // A line the classifier calls upside down is read both ways, the surer reading kept: the
  // classifier is easily fooled by handwriting.
  const tries: { line: number; item: RecItem }[] = [];
  lines.forEach((l, line) => {
    const ways = flip[line] ? [l.box, reversed(l.box)] : [l.box];
    for (const box of ways) {
      const gaps = gapsBetween(box, l.parts);
      tries.push({ line, item: { box, gaps, stretch: false } });
      if (opts.stretchToo) tries.push({ line, item: { box, gaps, stretch: true } });
    }
  });
  const read = await recognize(
    m,
    r,
    tries.map((t) => t.item),
    signal,
  );
  const best = new Map<number, PpLine>();
  read.forEach((res, k) => {
    if (!res) return;
    const { line, item } = tries[k]!;
    const prev = best.get(line);
    if (!prev || res.confidence > prev.confidence)
      best.set(line, { ...res, box: item.box, detScore: lines[line]!.detScore });
  });
  return [...best.values()].map((l) => ({ ...l, handwriting: handwritingLikelihood(r, l.box) }));
}

/** Lines of text found in `r` and read (boxes in its pixels), in no particular order. */
export async function ppOcrLines(
  r: RgbRaster,
  opts: PpOcrOptions,
  signal?: AbortSignal,
): Promise<PpLine[]> {
  return readTextLines(r, await detectTextLines(r, signal), opts, signal);
}
