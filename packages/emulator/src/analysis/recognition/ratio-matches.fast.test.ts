// ratioMatches against a plain nearest-two search, on random and on near-copy descriptors.
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_WORDS, ratioMatches } from './ratio-matches.js';

/** Deterministic pseudo-random words (xorshift32). */
function words(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count * DESCRIPTOR_WORDS);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s >>> 0;
  }
  return out;
}

function hamming(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  let d = 0;
  for (let w = 0; w < DESCRIPTOR_WORDS; w++) {
    for (let x = a[i * DESCRIPTOR_WORDS + w]! ^ b[j * DESCRIPTOR_WORDS + w]!; x; x &= x - 1) d++;
  }
  return d;
}

function reference(query: Uint32Array, ref: Uint32Array, ratio: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < query.length / DESCRIPTOR_WORDS; i++) {
    const d = Array.from({ length: ref.length / DESCRIPTOR_WORDS }, (_, j) => ({
      j,
      d: hamming(query, i, ref, j),
    })).sort((a, b) => a.d - b.d || a.j - b.j);
    if (d[0]!.d < ratio * d[1]!.d) out.push([i, d[0]!.j]);
  }
  return out;
}

describe('ratioMatches', () => {
  it('keeps the same pairs as a plain nearest-two search', () => {
    const ref = words(300, 7);
    const query = words(200, 11);
    // Half the query descriptors are near copies of ref descriptors (a few bits flipped).
    for (let i = 0; i < 100; i++) {
      for (let w = 0; w < DESCRIPTOR_WORDS; w++)
        query[i * DESCRIPTOR_WORDS + w] =
          ref[i * 3 * DESCRIPTOR_WORDS + w]! ^ (w === i % 8 ? 0b1011 << (i % 20) : 0);
    }
    const found = ratioMatches(query, ref, 0.75);
    expect(found).toEqual(reference(query, ref, 0.75));
    expect(found.filter(([q, r]) => q < 100 && r === q * 3)).toHaveLength(100);
  });

  it('finds nothing against fewer than two ref descriptors', () => {
    expect(ratioMatches(words(5, 3), words(1, 5), 0.75)).toEqual([]);
  });
});
