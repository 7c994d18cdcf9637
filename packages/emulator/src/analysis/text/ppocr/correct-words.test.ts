// Word correction against a word list, on made-up recogniser outputs (no network runs).
import { describe, expect, it } from 'vitest';
import { correctWords, type LineOutput } from './correct-words.js';
import { ctcGreedy, type CtcChar } from './ctc-decode.js';
import { ctcLogLikelihood } from './ctc-score.js';
import { boundedDistance, makeLexicon } from './lexicon.js';

const charset = ['', ...'abcdefghijklmnopqrstuvwxyzTY', ' '];
const classOf = new Map(charset.map((c, k) => [c, k] as const).filter(([, k]) => k > 0));

/**
 * A line output with one timestep per entry: a character (its class gets `p`, the rest shared
 * by the blank) or '' for a blank step; `second` gives a runner-up [char, p] at that step.
 */
function output(steps: (string | [string, number, [string, number]?])[]): LineOutput {
  const classes = charset.length;
  const probs = new Float32Array(steps.length * classes);
  steps.forEach((s, t) => {
    const [char, p, second] = typeof s === 'string' ? [s, 0.9, undefined] : s;
    const row = t * classes;
    if (!char) probs[row] = p;
    else probs[row + classOf.get(char)!] = p;
    if (second) probs[row + classOf.get(second[0])!] = second[1];
    const used = probs.subarray(row, row + classes).reduce((a, b) => a + b, 0);
    probs[row] = probs[row]! + Math.max(0, 1 - used);
  });
  return { probs, classes, steps: steps.length, classOf };
}
const decode = (o: LineOutput): CtcChar[] => ctcGreedy(o.probs, o.steps, o.classes, charset);
const text = (chars: CtcChar[]): string => chars.map((c) => c.char).join('');

const lexicon = makeLexicon(
  new Map([
    ['you', 2_000_000],
    ['the', 1_500_000],
    ['over', 100_000],
    ['turtle', 900],
    ['jumps', 300],
    ['jump', 900],
  ]),
);

describe('CTC likelihood', () => {
  it('sums every alignment: a sure reading is near 0, an unreadable one -Infinity', () => {
    const o = output(['y', '', 'o', 'u']);
    expect(
      ctcLogLikelihood(
        o.probs,
        o.classes,
        0,
        3,
        [...'you'].map((c) => classOf.get(c)!),
      ),
    ).toBeGreaterThan(-0.5);
    expect(
      ctcLogLikelihood(
        o.probs,
        o.classes,
        0,
        3,
        [...'yob'].map((c) => classOf.get(c)!),
      ),
    ).toBeLessThan(-20);
    // Five letters cannot fit four timesteps.
    expect(ctcLogLikelihood(o.probs, o.classes, 0, 3, [1, 2, 3, 4, 5])).toBe(-Infinity);
  });

  it('measures edit distance up to a bound', () => {
    expect(boundedDistance('ypu', 'you', 2)).toBe(1);
    expect(boundedDistance('kocr', 'rock', 2)).toBe(2);
    expect(boundedDistance('abcdef', 'you', 2)).toBe(3);
  });
});

describe('word correction', () => {
  it('turns an unlisted reading into the listed word the recogniser also found likely', () => {
    // "ypu": the middle step is unsure between p (0.5) and o (0.4).
    const o = output(['y', '', ['p', 0.5, ['o', 0.4]], '', 'u']);
    expect(text(correctWords(decode(o), o, lexicon))).toBe('you');
  });

  it('keeps a reading the recogniser is sure of, listed or not', () => {
    // "ypu" with o ruled out (p 1e-8): changing it costs more than the word's commonness gains.
    const sure = output(['y', '', ['p', 0.98, ['o', 1e-8]], '', 'u']);
    expect(text(correctWords(decode(sure), sure, lexicon))).toBe('ypu');
    // "jumps" is listed: it stays even though "jump" is commoner.
    const listed = output(['j', 'u', 'm', 'p', ['s', 0.6]]);
    expect(text(correctWords(decode(listed), listed, lexicon))).toBe('jumps');
  });

  it('splits two listed words run together and joins a word cut in two', () => {
    // "overThe": T is unsure against t.
    const runTogether = output(['o', 'v', 'e', 'r', ['T', 0.5, ['t', 0.4]], 'h', 'e']);
    expect(text(correctWords(decode(runTogether), runTogether, lexicon))).toBe('over the');
    // "Tu rte": a stub and an unlisted piece, with a weak l in between.
    const cut = output(['T', 'u', '', ' ', '', 'r', 't', ['', 0.5, ['l', 0.45]], 'e']);
    expect(text(correctWords(decode(cut), cut, lexicon))).toBe('Turtle');
  });
});
