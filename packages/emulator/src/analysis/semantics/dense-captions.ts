// Dense captions (Image Analysis 4.0): the caption builder run on the whole image, then on each
// of the strongest detected regions with only the evidence inside that region. Nothing new is
// invented here: a region gets a caption only when the builder can say something about it.
import type { CaptionResult, DenseCaptionResult, Rect } from '../types.js';
import { buildCaptions } from './build-captions.js';
import type { Evidence } from './evidence.js';
import { peopleOf } from './people.js';

/** Azure returns up to 10 values, the first for the whole image. */
const MAX_VALUES = 10;
/** A caption that names only the colour and kind of picture says little. */
const FALLBACK_CONFIDENCE = 0.2;
/** Weaker detections are not worth a caption of their own (as in build-captions). */
const MIN_REGION_CONFIDENCE = 0.35;
/** Two regions this similar (intersection over union) would get the same caption. */
const SAME_REGION_IOU = 0.7;
/** A detection belongs to a region when this share of its box lies inside it. */
const INSIDE_SHARE = 0.6;

const area = (r: Rect): number => Math.max(0, r.w) * Math.max(0, r.h);
function intersection(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
const iou = (a: Rect, b: Rect): number => {
  const i = intersection(a, b);
  return i / (area(a) + area(b) - i || 1);
};
const within = (inner: Rect, outer: Rect): boolean =>
  intersection(inner, outer) >= INSIDE_SHARE * area(inner);

interface Region {
  rect: Rect;
  confidence: number;
  /** The faces this region is about: a person region is about its own face only. */
  faces: Evidence['faces'];
}

/** The strongest regions: people (body box when one was found) and objects, no near-duplicates. */
function regions(e: Evidence): Region[] {
  const people: Region[] = peopleOf(e).map((p) => ({
    rect: p.body ?? p.rect,
    confidence: p.confidence,
    faces: e.faces.filter((f) => f.rect === p.rect),
  }));
  const things: Region[] = e.objects
    .filter((o) => o.name !== 'person')
    .map((o) => ({
      rect: o.rect,
      confidence: o.confidence,
      faces: e.faces.filter((f) => within(f.rect, o.rect)),
    }));
  const candidates = [...people, ...things]
    .filter((c) => c.confidence >= MIN_REGION_CONFIDENCE && area(c.rect) > 0)
    .sort((a, b) => b.confidence - a.confidence);
  const kept: Region[] = [];
  for (const c of candidates)
    if (!kept.some((k) => iou(k.rect, c.rect) >= SAME_REGION_IOU)) kept.push(c);
  return kept;
}

/** The evidence seen through one region: its own detections only, no whole-image scene cues. */
function regionEvidence(e: Evidence, region: Region): Evidence {
  const { rect, faces } = region;
  // Other people's bodies overlapping this one are theirs, not this region's subject.
  const objects = e.objects.filter(
    (o) => within(o.rect, rect) && (o.name !== 'person' || iou(o.rect, rect) >= SAME_REGION_IOU),
  );
  return {
    ...e,
    width: rect.w,
    height: rect.h,
    faces,
    objects,
    // Sky, grass, trees and straight edges were measured over the whole frame; a region cannot
    // claim them.
    cues: { ...e.cues, sky: 0, vegetation: 0, foliage: 0, straightEdges: 0 },
    text: 0,
    celebrities: e.celebrities.filter((c) =>
      faces.some((f) => f.rect.x === c.rect.x && f.rect.y === c.rect.y),
    ),
    landmarks: [],
  };
}

/**
 * The whole image always has a caption in 4.0 (the spec requires one value). When the builder
 * finds nothing to name, say what was measured: the background colour and kind of picture.
 */
function wholeImageCaption(e: Evidence): CaptionResult {
  const best = buildCaptions(e, 1)[0];
  if (best) return best;
  const kind =
    e.imageType.lineDrawingType === 1
      ? 'drawing'
      : e.imageType.clipArtType >= 2
        ? 'illustration'
        : 'image';
  return {
    text: `a ${e.color.dominantColorBackground.toLowerCase()} ${kind}`,
    confidence: FALLBACK_CONFIDENCE,
  };
}

export function buildDenseCaptions(e: Evidence): DenseCaptionResult[] {
  const whole = wholeImageCaption(e);
  const out: DenseCaptionResult[] = [{ ...whole, rect: { x: 0, y: 0, w: e.width, h: e.height } }];
  for (const region of regions(e)) {
    if (out.length >= MAX_VALUES) break;
    const caption = buildCaptions(regionEvidence(e, region), 1)[0];
    if (caption) out.push({ ...caption, rect: { ...region.rect } });
  }
  return out;
}
