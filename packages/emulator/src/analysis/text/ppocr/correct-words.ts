// Word-level correction against an English word list, the way a reader with a language model
// settles an uncertain reading: for a word of letters the list lacks, the listed words within one
// or two edits (also two listed words run together, and the word joined with an unlisted
// neighbour) are scored by how likely the recogniser's own output
// over those timesteps is to spell them (CTC forward, ctc-score.ts) plus how common they are
// (lexicon.ts); the best-scoring reading wins. A listed word stays as read, and so does a word
// whose every letter was read surely. A confidently read
// letter costs several log units to change, so print the recogniser is sure of stays as read.
import type { CtcChar } from './ctc-decode.js';
import { ctcLogLikelihood } from './ctc-score.js';
import type { Lexicon } from './lexicon.js';

/** The recogniser's output for one line: rows of `classes` probabilities, `steps` of them. */
export interface LineOutput {
  probs: Float32Array;
  classes: number;
  steps: number;
  /** Class of each character the recogniser knows. */
  classOf: ReadonlyMap<string, number>;
}

/** Words shorter than this are not corrected on their own (too little to go on). */
const MIN_LETTERS = 3;
/** Edits allowed: one for words of up to 3 letters, two for longer ones. */
const maxEdits = (n: number): number => (n <= 3 ? 1 : 2);
/**
 * Weight of the word list against the recogniser (log prior x this): the commonest word gains
 * ~14 log units over an unlisted one, what one letter the recogniser gave p 1e-6 costs. Measured
 * on the handwriting of testdata: 0.5 left "Quicu" and lost "Rock"; 1 read both.
 */
const PRIOR_WEIGHT = 1;
/**
 * A word whose letters were all read at least this surely is left as read (and costs no search):
 * print the recogniser is sure of, names and words of other languages.
 */
const SURE = 0.99;
/** A word this long may be two listed words run together. */
const MIN_SPLIT = 6;

/** One word as read: its characters, where its letters are and the timesteps it covers. */
interface Token {
  chars: CtcChar[];
  /** Letters are chars[a..b); what is around them (punctuation) stays as read. */
  a: number;
  b: number;
  letters: string;
  t0: number;
  t1: number;
}

interface Reading {
  words: string[];
  score: number;
}

const spellings = (word: string, asRead: string): string[] => {
  const cap = word[0]!.toUpperCase() + word.slice(1);
  const out = [word, cap];
  if (asRead.length > 1 && asRead === asRead.toUpperCase()) out.push(word.toUpperCase());
  return out;
};

class Scorer {
  constructor(
    private readonly out: LineOutput,
    private readonly lex: Lexicon,
  ) {}

  /** CTC log-likelihood of `text` over timesteps t0..t1. */
  ctc(text: string, t0: number, t1: number): number {
    const labels = [...text].map((c) => this.out.classOf.get(c));
    if (labels.some((l) => l === undefined)) return -Infinity;
    return ctcLogLikelihood(this.out.probs, this.out.classes, t0, t1, labels as number[]);
  }

  /** The word's weighted log prior. */
  prior(word: string): number {
    return PRIOR_WEIGHT * (this.lex.logPrior(word.toLowerCase()) ?? this.lex.unknownLogPrior);
  }

  /** The readings of `asRead` over t0..t1 worth weighing, best first; the first is as read. */
  readings(asRead: string, t0: number, t1: number): Reading[] {
    const lower = asRead.toLowerCase();
    const all: Reading[] = [
      { words: [asRead], score: this.ctc(asRead, t0, t1) + this.prior(asRead) },
    ];
    for (const listed of this.lex.near(lower, maxEdits(lower.length))) {
      const prior = this.prior(listed);
      for (const text of spellings(listed, asRead))
        all.push({ words: [text], score: this.ctc(text, t0, t1) + prior });
    }
    if (lower.length >= MIN_SPLIT) all.push(...this.splits(asRead, t0, t1));
    return all;
  }

  /** The best score of a word's readings (as read only, if too short to correct). */
  bestScore(t: { letters: string; t0: number; t1: number }): number {
    const asRead = this.ctc(t.letters, t.t0, t.t1) + this.prior(t.letters);
    if (t.letters.length < MIN_LETTERS || this.lex.logPrior(t.letters.toLowerCase()) !== undefined)
      return asRead;
    return Math.max(...this.readings(t.letters, t.t0, t.t1).map((r) => r.score));
  }

  /** Two listed words (each as read or one edit off) run together in `asRead`. */
  private splits(asRead: string, t0: number, t1: number): Reading[] {
    const out: Reading[] = [];
    const near = (s: string): string[] =>
      this.lex.logPrior(s.toLowerCase()) !== undefined
        ? [s.toLowerCase()]
        : s.length >= MIN_LETTERS
          ? this.lex.near(s.toLowerCase(), 1)
          : [];
    for (let k = 2; k <= asRead.length - 2; k++) {
      const [left, right] = [asRead.slice(0, k), asRead.slice(k)];
      const lefts = near(left);
      if (!lefts.length) continue;
      const rights = near(right);
      for (const l of lefts)
        for (const r of rights)
          for (const lt of spellings(l, left)) {
            const score = this.ctc(lt + r, t0, t1) + this.prior(l) + this.prior(r);
            out.push({ words: [lt, r], score });
          }
    }
    return out;
  }
}

function tokenize(chars: readonly CtcChar[], steps: number): (Token | CtcChar)[] {
  const items: (Token | CtcChar)[] = [];
  let i = 0;
  while (i < chars.length) {
    if (chars[i]!.char.trim() === '') {
      items.push(chars[i++]!);
      continue;
    }
    let j = i;
    while (j < chars.length && chars[j]!.char.trim() !== '') j++;
    const word = chars.slice(i, j);
    let [a, b] = [0, word.length];
    while (a < b && !/[a-z]/i.test(word[a]!.char)) a++;
    while (b > a && !/[a-z]/i.test(word[b - 1]!.char)) b--;
    // The word's timesteps: from after the character read before it to before the one after.
    const before = chars.slice(0, i + a).findLast((c) => !c.cut);
    const after = chars.slice(i + b).find((c) => !c.cut);
    items.push({
      chars: word,
      a,
      b,
      letters: word
        .slice(a, b)
        .map((c) => c.char)
        .join(''),
      t0: before ? before.t1 + 1 : 0,
      t1: after ? after.t0 - 1 : steps - 1,
    });
    i = j;
  }
  return items;
}

const isToken = (x: Token | CtcChar): x is Token => 'letters' in x;
const lettersOnly = (t: Token): boolean => /^[a-z]+$/i.test(t.letters);

/** Characters spelling `words` over the span of `from`'s first to `to`'s last letter. */
function spell(words: string[], from: Token, to: Token, p: number): CtcChar[] {
  const s0 = from.chars[from.a]!.t0;
  const s1 = to.chars[to.b - 1]!.t1;
  const text = words.join(' ');
  const letters = [...text].map((char, k) => {
    const t = s0 + Math.floor(((s1 - s0 + 1) * (k + 0.5)) / text.length);
    return { char, t0: t, t1: t, p: char === ' ' ? 1 : p };
  });
  return [...from.chars.slice(0, from.a), ...letters, ...to.chars.slice(to.b)];
}

/** A corrected word is as sure as the letters read there were. */
const meanP = (read: CtcChar[]): number =>
  read.reduce((sum, c) => sum + c.p, 0) / Math.max(1, read.length);

/** The words of `chars` (cut at spaces) with uncertain readings replaced by listed words. */
export function correctWords(chars: readonly CtcChar[], out: LineOutput, lex: Lexicon): CtcChar[] {
  const scorer = new Scorer(out, lex);
  const items = tokenize(chars, out.steps);
  const unlisted = (t: Token): boolean =>
    lettersOnly(t) && lex.logPrior(t.letters.toLowerCase()) === undefined;
  const unsure = (t: Token): boolean => t.chars.slice(t.a, t.b).some((c) => c.p < SURE);
  const fragment = (t: Token): boolean =>
    lettersOnly(t) && (t.letters.length < MIN_LETTERS || unlisted(t));
  const result: CtcChar[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!isToken(item)) {
      result.push(item);
      continue;
    }
    const correctable = unlisted(item) && item.letters.length >= MIN_LETTERS && unsure(item);
    const own = correctable ? scorer.readings(item.letters, item.t0, item.t1) : [];
    // Two pieces of letters, one of them unlisted and the other unlisted or a stub of one or two
    // letters, may be one word cut apart.
    const next = items[i + 2];
    if (
      next &&
      isToken(next) &&
      fragment(item) &&
      fragment(next) &&
      (unlisted(item) || unlisted(next)) &&
      (unsure(item) || unsure(next))
    ) {
      const together = scorer.readings(item.letters + next.letters, item.t0, next.t1).slice(1);
      const best = together.sort((x, y) => y.score - x.score)[0];
      const apart = scorer.bestScore(item) + scorer.bestScore(next);
      if (best && best.score > apart) {
        const read = [...item.chars.slice(item.a, item.b), ...next.chars.slice(next.a, next.b)];
        result.push(...spell(best.words, item, next, meanP(read)));
        i += 2;
        continue;
      }
    }
    const best = [...own].sort((x, y) => y.score - x.score)[0];
    if (!best || best === own[0]) {
      result.push(...item.chars);
      continue;
    }
    const read = item.chars.slice(item.a, item.b);
    result.push(...spell(best.words, item, item, meanP(read)));
  }
  return result;
}
