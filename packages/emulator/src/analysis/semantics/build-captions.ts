// Captions assembled from the strongest detections with fixed templates. Each candidate uses only
// words backed by a detection or a measured cue. Its confidence is the mean confidence of what it
// mentions, scaled by the share of the evidence it covers, so fuller captions rank first.
import type { CaptionResult, ObjectResult } from '../types.js';
import { round4, type Evidence } from './evidence.js';
import { peopleOf, type Person } from './people.js';
import { counted, joinAnd, peoplePhrase } from './phrases.js';
import { cueConfidence, kindOfPicture } from './scene-facts.js';

/** A caption fragment, its confidence and how many pieces of evidence it mentions. */
interface Part {
  text: string;
  confidence: number;
  covers: number;
}

/** Things a person overlapping them is riding. */
const RIDDEN = new Set([
  'skateboard',
  'surfboard',
  'bicycle',
  'motorcycle',
  'horse',
  'skis',
  'snowboard',
  'elephant',
]);
/** Weaker objects are not named in captions. */
const MIN_OBJECT_CONFIDENCE = 0.35;

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
const join = (a: Part, word: string, b: Part): Part => ({
  text: `${a.text} ${word} ${b.text}`,
  confidence: mean([a.confidence, b.confidence]),
  covers: a.covers + b.covers,
});

function overlaps(a: Person['rect'], b: ObjectResult['rect']): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The people as nouns, and by name first when every one of them was recognised. */
function whoParts(people: Person[]): Part[] {
  if (!people.length) return [];
  const parts: Part[] = [
    {
      text: peoplePhrase(people.map((p) => p.noun)),
      confidence: mean(people.map((p) => p.nounConfidence)),
      covers: 1,
    },
  ];
  if (people.length <= 4 && people.every((p) => p.celebrity)) {
    const leftToRight = [...people].sort((a, b) => a.rect.x - b.rect.x);
    parts.unshift({
      text: joinAnd(leftToRight.map((p) => p.celebrity!)),
      confidence: mean(people.map((p) => p.confidence)),
      covers: 1,
    });
  }
  return parts;
}

/** The two most confident object classes: "a dog", "two cups and a bottle". */
function objectsPart(objects: ObjectResult[]): Part | undefined {
  const byName = new Map<string, ObjectResult[]>();
  for (const o of objects) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
  const groups = [...byName].sort((a, b) => b[1][0]!.confidence - a[1][0]!.confidence).slice(0, 2);
  if (!groups.length) return undefined;
  return {
    text: joinAnd(groups.map(([name, os]) => counted(name, os.length))),
    confidence: mean(groups.map(([, os]) => os[0]!.confidence)),
    covers: groups.length,
  };
}

function subjects(e: Evidence): Part[] {
  const people = peopleOf(e);
  const things = e.objects.filter(
    (o) => o.name !== 'person' && o.confidence >= MIN_OBJECT_CONFIDENCE,
  );
  const ridden = things.find(
    (o) =>
      RIDDEN.has(o.name) &&
      people.length === 1 &&
      overlaps(people[0]!.body ?? people[0]!.rect, o.rect),
  );
  const others = objectsPart(things.filter((o) => o !== ridden));
  const out: Part[] = [];
  for (const who of whoParts(people)) {
    if (ridden)
      out.push(
        join(who, 'riding', {
          text: counted(ridden.name, 1),
          confidence: ridden.confidence,
          covers: 1,
        }),
      );
    if (others) out.push(join(who, 'with', others));
    out.push(who);
  }
  const all = objectsPart(things);
  if (all) out.push(all);
  for (const l of e.landmarks) out.push({ text: l.name, confidence: l.confidence, covers: 1 });
  if (e.text && !out.length)
    out.push({
      text: `text on a ${e.color.dominantColorBackground.toLowerCase()} background`,
      confidence: e.text,
      covers: 1,
    });
  return out;
}

/** The setting: "on the grass" after a subject; on its own "grass under a blue sky". */
function setting(e: Evidence, afterSubject: boolean): Part | undefined {
  const grass = cueConfidence(e.cues.vegetation);
  const sky = cueConfidence(e.cues.sky);
  if (afterSubject)
    return grass ? { text: 'on the grass', confidence: grass, covers: 1 } : undefined;
  if (grass && sky)
    return { text: 'grass under a blue sky', confidence: Math.min(grass, sky), covers: 2 };
  if (grass) return { text: 'a grassy area', confidence: grass, covers: 1 };
  return sky ? { text: 'a blue sky', confidence: sky, covers: 1 } : undefined;
}

export function buildCaptions(e: Evidence, maxCandidates: number): CaptionResult[] {
  const subs = subjects(e);
  const kind = kindOfPicture(e);
  const candidates: Part[] = [];
  for (const s of subs) {
    const where = setting(e, true);
    if (where)
      candidates.push({
        text: `${s.text} ${where.text}`,
        confidence: mean([s.confidence, where.confidence]),
        covers: s.covers + 1,
      });
    candidates.push(s);
  }
  const alone = subs.length ? undefined : setting(e, false);
  if (alone) candidates.push(alone);
  const total = Math.max(1, ...candidates.map((c) => c.covers));
  const scored = candidates.map((c) => ({
    text: kind ? `${kind.text} of ${c.text}` : c.text,
    confidence: c.confidence * (0.4 + (0.6 * c.covers) / total),
  }));
  // Nothing detected in a drawing or a black-and-white photo: the kind of picture is still known.
  if (!scored.length && kind) scored.push({ text: kind.text, confidence: kind.confidence });
  const seen = new Set<string>();
  return scored
    .sort((a, b) => b.confidence - a.confidence)
    .filter((c) => !seen.has(c.text) && seen.add(c.text))
    .slice(0, Math.max(0, maxCandidates))
    .map((c) => ({ text: c.text, confidence: round4(c.confidence) }));
}
