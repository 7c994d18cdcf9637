// Captions assembled from every confident detection with fixed templates, the way Azure phrases
// them: who ("a woman", "two men", "a group of people"), what they are doing with what
// ("sitting at a table with a laptop", "riding a skateboard"), the main objects, recognised
// places and people by name, the setting ("on the grass") and the kind of picture. Each word is
// backed by a detection or a measured cue. A candidate's confidence is the mean confidence of
// what it mentions, scaled by the share of the evidence it covers, so fuller captions rank first.
// A pure function of the evidence: applied to evidenceInRegion() it captions a region.
import type { CaptionResult, ObjectResult } from '../types.js';
import { round4, type Evidence } from './evidence.js';
import { peopleOf, type Person } from './people.js';
import { counted, joinAnd, peoplePhrase } from './phrases.js';
import { MIN_OBJECT_CONFIDENCE, personScene } from './relations.js';
import { cueConfidence, houseConfidence, kindOfPicture } from './scene-facts.js';

/** A caption fragment, its confidence and how many pieces of evidence it mentions. */
interface Part {
  text: string;
  confidence: number;
  covers: number;
  /** Already says where it is ("a house with a lawn"): no setting is added. */
  placed?: boolean;
}

/** When nothing at all was recognised: Azure still answers something this vague. */
const FALLBACK_CONFIDENCE = 0.2;

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
/** Joined fragments: the confidence is the mean over every piece of evidence mentioned. */
const join = (a: Part, word: string, b: Part): Part => ({
  text: word ? `${a.text} ${word} ${b.text}` : `${a.text} ${b.text}`,
  confidence: (a.confidence * a.covers + b.confidence * b.covers) / (a.covers + b.covers),
  covers: a.covers + b.covers,
});

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

/** People with what they do and what they are with, most complete first. */
function peopleCaptions(e: Evidence, people: Person[]): Part[] {
  const out: Part[] = [];
  const scene = personScene(e, people[0]!, people.length === 1);
  const doing = scene.relation && {
    text: scene.relation.text,
    confidence: scene.relation.confidence,
    covers: 1,
  };
  // Things they touch; with none, the picture's main objects ("a man with a dog").
  const withWhat = objectsPart(scene.near.length ? scene.near : scene.far);
  for (const who of whoParts(people)) {
    if (doing && withWhat) out.push(join(join(who, '', doing), 'with', withWhat));
    if (doing) out.push(join(who, '', doing));
    if (withWhat) out.push(join(who, 'with', withWhat));
    out.push(who);
  }
  return out;
}

function subjects(e: Evidence): Part[] {
  const people = peopleOf(e);
  const out: Part[] = people.length ? peopleCaptions(e, people) : [];
  const all = objectsPart(
    e.objects.filter((o) => o.name !== 'person' && o.confidence >= MIN_OBJECT_CONFIDENCE),
  );
  if (all) out.push(all);
  for (const l of e.landmarks)
    out.push({ text: l.caption ?? l.name, confidence: l.confidence, covers: 1 });
  out.push(...houseParts(e));
  if (e.text && !out.length)
    out.push({
      text: `text on a ${e.color.dominantColorBackground.toLowerCase()} background`,
      confidence: e.text,
      covers: 1,
    });
  if (!out.length && e.logos.length)
    out.push({ text: 'a close up of a logo', confidence: e.logos[0]!.confidence, covers: 1 });
  return out;
}

/** "a house with a lawn": a straight-edged structure standing on grass (scene-facts.ts). */
function houseParts(e: Evidence): Part[] {
  const house = houseConfidence(e);
  if (!house) return [];
  const lawn = cueConfidence(e.cues.vegetation);
  return [
    { text: 'a house with a lawn', confidence: (house + lawn) / 2, covers: 2, placed: true },
    { text: 'a house', confidence: house, covers: 1, placed: true },
  ];
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

/** Nothing recognised: name the picture by its foliage or colours, as Azure names what it cannot place. */
function fallback(e: Evidence): Part {
  const trees = cueConfidence(e.cues.foliage ?? 0);
  if (trees) return { text: 'a close up of a tree', confidence: trees, covers: 1 };
  const colour = e.color.dominantColorForeground.toLowerCase();
  return {
    text: `a close up of a ${colour} surface`,
    confidence: FALLBACK_CONFIDENCE,
    covers: 1,
  };
}

export function buildCaptions(e: Evidence, maxCandidates: number): CaptionResult[] {
  const subs = subjects(e);
  const kind = kindOfPicture(e);
  const candidates: Part[] = [];
  for (const s of subs) {
    const where = s.placed ? undefined : setting(e, true);
    if (where)
      candidates.push({
        text: `${s.text} ${where.text}`,
        confidence: (s.confidence * s.covers + where.confidence) / (s.covers + 1),
        covers: s.covers + 1,
      });
    candidates.push(s);
  }
  const alone = subs.length ? undefined : setting(e, false);
  if (alone) candidates.push(alone);
  const total = Math.max(1, ...candidates.map((c) => c.covers));
  const scored = candidates.map((c) => ({
    text: kind ? `${kind.text} of ${c.text}` : c.text,
    confidence: c.confidence * (0.2 + (0.8 * c.covers) / total),
  }));
  // Nothing detected in a drawing or a black-and-white photo: the kind of picture is still known.
  if (!scored.length && kind) scored.push({ text: kind.text, confidence: kind.confidence });
  // Azure always gives a caption.
  if (!scored.length) scored.push(fallback(e));
  const seen = new Set<string>();
  return scored
    .sort((a, b) => b.confidence - a.confidence)
    .filter((c) => !seen.has(c.text) && seen.add(c.text))
    .slice(0, Math.max(0, maxCandidates))
    .map((c) => ({ text: c.text, confidence: round4(c.confidence) }));
}
