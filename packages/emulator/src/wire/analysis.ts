// AnalyzeResult -> the ImageAnalysis JSON of v3.2 or v1.0, keys in Azure's order. v1.0 has no
// objects, brands or gore fields.
import type {
  AnalyzeResult,
  CelebrityResult,
  LandmarkResult,
  ObjectResult,
} from '../analysis/types.js';
import type { ApiVersion } from '../options.js';
import { boundingRect, faceRectangle } from './geometry.js';

type Json = Record<string, unknown>;

export const celebrityJson = (c: CelebrityResult) => ({
  name: c.name,
  confidence: c.confidence,
  faceRectangle: faceRectangle(c.rect),
});
export const landmarkJson = (l: LandmarkResult) => ({ name: l.name, confidence: l.confidence });

function hierarchy(p: ObjectResult['parent']): Json | undefined {
  if (!p) return undefined;
  const parent = hierarchy(p.parent);
  return { object: p.name, confidence: p.confidence, ...(parent ? { parent } : {}) };
}

export function objectJson(o: ObjectResult): Json {
  const parent = hierarchy(o.parent);
  return {
    rectangle: boundingRect(o.rect),
    object: o.name,
    confidence: o.confidence,
    ...(parent ? { parent } : {}),
  };
}

export function tagsJson(tags: NonNullable<AnalyzeResult['tags']>, version: ApiVersion): Json[] {
  return tags.map((t) => ({
    name: t.name,
    confidence: t.confidence,
    ...(version === 'v3.2' && t.hint ? { hint: t.hint } : {}),
  }));
}

export function descriptionJson(d: NonNullable<AnalyzeResult['description']>): Json {
  return {
    tags: d.tags,
    captions: d.captions.map((c) => ({ text: c.text, confidence: c.confidence })),
  };
}

function categoriesJson(categories: NonNullable<AnalyzeResult['categories']>): Json[] {
  return categories.map((c) => {
    const detail: Json = {};
    if (c.celebrities) detail.celebrities = c.celebrities.map(celebrityJson);
    if (c.landmarks) detail.landmarks = c.landmarks.map(landmarkJson);
    return { name: c.name, score: c.score, ...(Object.keys(detail).length > 0 ? { detail } : {}) };
  });
}

export function analysisJson(r: AnalyzeResult, version: ApiVersion): Json {
  const out: Json = {};
  if (r.categories) out.categories = categoriesJson(r.categories);
  if (r.adult) {
    const { isAdultContent, isRacyContent, isGoryContent, adultScore, racyScore, goreScore } =
      r.adult;
    out.adult =
      version === 'v3.2'
        ? { isAdultContent, isRacyContent, isGoryContent, adultScore, racyScore, goreScore }
        : { isAdultContent, isRacyContent, adultScore, racyScore };
  }
  if (r.color) out.color = { ...r.color };
  if (r.imageType) out.imageType = { ...r.imageType };
  if (r.tags) out.tags = tagsJson(r.tags, version);
  if (r.description) out.description = descriptionJson(r.description);
  if (r.faces)
    out.faces = r.faces.map((f) => ({
      age: Math.round(f.age),
      gender: f.gender,
      faceRectangle: faceRectangle(f.rect),
    }));
  if (version === 'v3.2') {
    if (r.objects) out.objects = r.objects.map(objectJson);
    if (r.brands)
      out.brands = r.brands.map((b) => ({
        name: b.name,
        confidence: b.confidence,
        rectangle: boundingRect(b.rect),
      }));
  }
  return out;
}
