// Image Analysis 4.0 people: every box the person detector found, strongest first. Faces are
// not people boxes (Azure's people are whole bodies), so they are not added here.
import type { ObjectResult, PersonResult } from '../types.js';

export function peopleBoxes(objects: readonly ObjectResult[]): PersonResult[] {
  return objects
    .filter((o) => o.name === 'person')
    .sort((a, b) => b.confidence - a.confidence)
    .map((o) => ({ rect: { ...o.rect }, confidence: o.confidence }));
}
