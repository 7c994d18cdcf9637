// Image Analysis 4.0 JSON (ImageAnalysisResult) from the backend's version-neutral results.
// Every box and point is clamped inside the image: a detector's box may reach past an edge.
import type {
  AnalyzeResult,
  LoadedImage,
  Quad,
  ReadPageResult,
  Rect,
  SmartCropResult,
} from '../analysis/types.js';
import { genderNeutral } from '../analysis/semantics/gender-neutral.js';
import type { Ia40Feature } from '../constants.js';

type Json = Record<string, unknown>;

/** `{x, y, w, h}` in whole pixels, inside a width x height image. */
export function clampedBox(r: Rect, width: number, height: number) {
  const x0 = Math.min(width, Math.max(0, Math.round(r.x)));
  const y0 = Math.min(height, Math.max(0, Math.round(r.y)));
  const x1 = Math.min(width, Math.max(x0, Math.round(r.x + r.w)));
  const y1 = Math.min(height, Math.max(y0, Math.round(r.y + r.h)));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

function polygon(q: Quad, width: number, height: number) {
  const points = [];
  for (let i = 0; i < 8; i += 2) {
    points.push({
      x: Math.min(width, Math.max(0, Math.round(q[i]!))),
      y: Math.min(height, Math.max(0, Math.round(q[i + 1]!))),
    });
  }
  return points;
}

export interface Ia40Parts {
  analysis: AnalyzeResult;
  /** The first page read, when `read` was asked. */
  page?: ReadPageResult;
  crops?: SmartCropResult[];
}

export function imageAnalysisJson(
  features: readonly Ia40Feature[],
  parts: Ia40Parts,
  img: LoadedImage,
  opts: { genderNeutral: boolean; modelVersion: string },
): Json {
  const { width, height } = img;
  const box = (r: Rect) => clampedBox(r, width, height);
  const text = (t: string): string => (opts.genderNeutral ? genderNeutral(t) : t);
  const a = parts.analysis;
  const out: Json = { modelVersion: opts.modelVersion };
  if (features.includes('caption')) {
    const whole = a.denseCaptions?.[0];
    if (whole) out.captionResult = { text: text(whole.text), confidence: whole.confidence };
  }
  if (features.includes('denseCaptions'))
    out.denseCaptionsResult = {
      values: (a.denseCaptions ?? []).map((c) => ({
        text: text(c.text),
        confidence: c.confidence,
        boundingBox: box(c.rect),
      })),
    };
  out.metadata = { width, height };
  if (features.includes('objects'))
    out.objectsResult = {
      values: (a.objects ?? []).map((o) => ({
        boundingBox: box(o.rect),
        tags: [{ name: o.name, confidence: o.confidence }],
      })),
    };
  if (features.includes('people'))
    out.peopleResult = {
      values: (a.people ?? []).map((p) => ({ boundingBox: box(p.rect), confidence: p.confidence })),
    };
  // Azure answers `blocks: []` for an image without text (the spec's minItems says otherwise).
  const lines = parts.page?.lines.filter((l) => l.words.length > 0) ?? [];
  if (features.includes('read'))
    out.readResult = {
      blocks:
        lines.length === 0
          ? []
          : [
              {
                lines: lines.map((l) => ({
                  text: l.text,
                  boundingPolygon: polygon(l.box, width, height),
                  words: l.words.map((w) => ({
                    text: w.text,
                    boundingPolygon: polygon(w.box, width, height),
                    confidence: w.confidence,
                  })),
                })),
              },
            ],
    };
  if (features.includes('smartCrops'))
    out.smartCropsResult = {
      values: (parts.crops ?? []).map((c) => ({
        aspectRatio: c.aspectRatio,
        boundingBox: box(c.rect),
      })),
    };
  if (features.includes('tags'))
    out.tagsResult = {
      values: (a.tags ?? []).map((t) => ({ name: t.name, confidence: t.confidence })),
    };
  return out;
}
