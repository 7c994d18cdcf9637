// Categories of Azure's 86-category taxonomy (spec/azure/category-taxonomy-86.txt), chosen by
// rules over the detections; each score is the confidence of the evidence behind its rule.
import type { AnalyzeResult, CelebrityResult, LandmarkResult, ObjectResult } from '../types.js';
import type { Evidence } from './evidence.js';
import { peopleOf } from './people.js';
import { cueConfidence, houseConfidence } from './scene-facts.js';

type Category = NonNullable<AnalyzeResult['categories']>[number];

/** Object class -> category, when the object fills enough of the picture to be its subject. */
const OBJECT_CATEGORY: Record<string, string> = {
  dog: 'animal_dog',
  cat: 'animal_cat',
  horse: 'animal_horse',
  bird: 'animal_bird',
  sheep: 'animal_',
  cow: 'animal_',
  elephant: 'animal_',
  bear: 'animal_',
  zebra: 'animal_',
  giraffe: 'animal_',
  car: 'trans_car',
  truck: 'trans_car',
  bus: 'trans_bus',
  bicycle: 'trans_bicycle',
  pizza: 'food_pizza',
  sandwich: 'food_fastfood',
  'hot dog': 'food_fastfood',
  donut: 'food_',
  cake: 'food_',
  banana: 'food_',
  apple: 'food_',
  orange: 'food_',
  broccoli: 'food_',
  carrot: 'food_',
  cup: 'drink_',
  'wine glass': 'drink_',
  bottle: 'drink_',
  television: 'object_screen',
  laptop: 'object_screen',
  'cell phone': 'object_screen',
  houseplant: 'plant_',
};
/** A subject covers at least 5 % of the image; smaller objects are incidental. */
const MIN_SUBJECT_AREA = 0.05;
/** As for captions: weaker boxes do not name what the picture is about (a text scan came out as food_ at 0.3). */
const MIN_SUBJECT_CONFIDENCE = 0.35;
/** One face this large (share of the image) makes a portrait. */
const PORTRAIT_FACE_AREA = 0.02;
const DARK_BRIGHTNESS = 0.15;

/** Azure reports category scores in steps of 1/256. */
const quantise = (s: number): number => Math.max(1, Math.round(s * 256)) / 256;
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);

function peopleCategory(e: Evidence): { name: string; score: number } | undefined {
  const people = peopleOf(e);
  if (!people.length) return undefined;
  const score = mean(people.map((p) => p.confidence));
  const n = people.length;
  if (n === 1) {
    const face = e.faces[0];
    const portrait =
      face && (face.rect.w * face.rect.h) / (e.width * e.height) >= PORTRAIT_FACE_AREA;
    return { name: portrait ? 'people_portrait' : 'people_', score };
  }
  if (e.faces.length === n && e.faces.every((f) => f.age < 15))
    return { name: 'people_young', score };
  return { name: n <= 6 ? 'people_group' : n <= 15 ? 'people_many' : 'people_crowd', score };
}

function objectCategories(e: Evidence): Map<string, number> {
  const out = new Map<string, number>();
  const area = e.width * e.height;
  const subject = (o: ObjectResult): boolean =>
    (o.rect.w * o.rect.h) / area >= MIN_SUBJECT_AREA && o.confidence >= MIN_SUBJECT_CONFIDENCE;
  for (const o of e.objects) {
    const name = OBJECT_CATEGORY[o.name];
    if (name && subject(o)) out.set(name, Math.max(o.confidence, out.get(name) ?? 0));
  }
  return out;
}

export function buildCategories(
  e: Evidence,
  details: { celebrities?: CelebrityResult[]; landmarks?: LandmarkResult[] },
): Category[] {
  const scores = objectCategories(e);
  const add = (name: string, score: number): void => {
    if (score > 0) scores.set(name, Math.max(score, scores.get(name) ?? 0));
  };
  const people = peopleCategory(e);
  if (people) add(people.name, people.score);
  if (e.landmarks.length) add('building_', Math.max(...e.landmarks.map((l) => l.confidence)));
  add('text_', e.text);
  add('outdoor_grass', cueConfidence(e.cues.vegetation));
  add('outdoor_house', houseConfidence(e));
  if (!scores.size) add('outdoor_', cueConfidence(e.cues.sky));
  if (e.cues.brightness < DARK_BRIGHTNESS) add('dark_', 1 - e.cues.brightness / DARK_BRIGHTNESS);
  if (!scores.size && (e.imageType.clipArtType >= 2 || e.imageType.lineDrawingType === 1))
    add('abstract_nonphoto', e.imageType.clipArtType === 3 ? 0.9 : 0.75);
  // Nothing recognisable: Azure's catch-all, with a low score since no rule supports it.
  if (!scores.size) add('others_', 0.25);
  return [...scores]
    .sort((a, b) => b[1] - a[1])
    .map(([name, score]): Category => {
      const c: Category = { name, score: quantise(score) };
      if (details.celebrities && name.startsWith('people_')) c.celebrities = details.celebrities;
      if (details.landmarks && name.startsWith('building_')) c.landmarks = details.landmarks;
      return c;
    });
}
