// The acceptance rule on constructed descriptors: distance limit and runner-up margin.
import { expect, it } from 'vitest';
import { celebrityConfidence, matchCelebrity, MAX_DISTANCE } from './match-celebrity.js';

/** A 128-d descriptor at `d` from the origin along axis `axis`. */
const at = (axis: number, d: number): number[] =>
  Array.from({ length: 128 }, (_, i) => (i === axis ? d : 0));
const origin = at(0, 0);

it('accepts a near identity with a clear runner-up margin', () => {
  const gallery = [
    { name: 'A', descriptors: [at(0, 0.3)] },
    { name: 'B', descriptors: [at(1, 0.7)] },
  ];
  expect(matchCelebrity(origin, gallery)).toEqual({ name: 'A', distance: expect.closeTo(0.3, 6) });
});

it('rejects a match at or beyond the distance limit', () => {
  expect(
    matchCelebrity(origin, [{ name: 'A', descriptors: [at(0, MAX_DISTANCE)] }]),
  ).toBeUndefined();
});

it('rejects two identities that are almost equally near', () => {
  const gallery = [
    { name: 'A', descriptors: [at(0, 0.3)] },
    { name: 'B', descriptors: [at(1, 0.35)] },
  ];
  expect(matchCelebrity(origin, gallery)).toBeUndefined();
});

it('does not let a second picture of the same person count as the runner-up', () => {
  const gallery = [
    { name: 'A', descriptors: [at(0, 0.3), at(1, 0.32)] },
    { name: 'B', descriptors: [at(2, 0.8)] },
  ];
  expect(matchCelebrity(origin, gallery)?.name).toBe('A');
});

it('turns distance into a confidence that falls from 1 to 0.5 at the limit', () => {
  expect(celebrityConfidence(0)).toBe(1);
  expect(celebrityConfidence(MAX_DISTANCE)).toBeCloseTo(0.5, 6);
  expect(celebrityConfidence(0.2)).toBeGreaterThan(celebrityConfidence(0.4));
});
