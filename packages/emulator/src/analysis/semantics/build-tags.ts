// Tags: one per thing the detectors and cues support, with the strongest supporting confidence.
import type { TagResultItem } from '../types.js';
import { round4, type Evidence, type Fact } from './evidence.js';
import { peopleOf } from './people.js';
import { objectFacts, recognitionFacts, sceneFacts } from './scene-facts.js';

/** Every reported object is a tag (objects start at 0.25), so tags and objects agree. */
const MIN_TAG_CONFIDENCE = 0.25;

function peopleFacts(e: Evidence): Fact[] {
  const people = peopleOf(e);
  const facts: Fact[] = people.map((p) => ({ name: 'person', confidence: p.confidence }));
  // A person only seen as a weak body box is not a person fact (see people.ts).
  for (const f of e.faces) facts.push({ name: 'human face', confidence: f.confidence });
  for (const p of people)
    if (p.noun !== 'person') facts.push({ name: p.noun, confidence: p.nounConfidence });
  // "group": as sure as the third most confident person.
  if (people.length >= 3) facts.push({ name: 'group', confidence: people[2]!.confidence });
  return facts;
}

export function buildTags(e: Evidence): TagResultItem[] {
  const best = new Map<string, number>();
  for (const f of [
    ...peopleFacts(e),
    ...objectFacts(e),
    ...sceneFacts(e),
    ...recognitionFacts(e),
  ]) {
    best.set(f.name, Math.max(f.confidence, best.get(f.name) ?? 0));
  }
  return [...best]
    .filter(([, c]) => c >= MIN_TAG_CONFIDENCE)
    .sort((a, b) => b[1] - a[1])
    .map(([name, confidence]) => ({ name, confidence: round4(confidence) }));
}
