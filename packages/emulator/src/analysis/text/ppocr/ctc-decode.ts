// Greedy CTC decoding of the recogniser's per-timestep class probabilities, keeping where along
// the line each character was emitted so the line can be cut into words with their own boxes.

/** A decoded character and the timesteps (inclusive) of its run. */
export interface CtcChar {
  char: string;
  t0: number;
  t1: number;
  /** Highest probability in its run. */
  p: number;
  /** A space put at a gap in the ink (spaceAtCuts), not read by the recogniser. */
  cut?: boolean;
}

export interface CtcWord {
  text: string;
  /** Where the word starts and ends along the line, as fractions 0..1 of its length. */
  from: number;
  to: number;
  /** Mean of its characters' probabilities. */
  confidence: number;
}

/**
 * Best class per timestep, repeats merged, blanks (class 0) dropped. `probs` holds `steps`
 * rows of `classes` values; `charset[k]` is the character of class k (charset[0] is the blank).
 */
export function ctcGreedy(
  probs: Float32Array,
  steps: number,
  classes: number,
  charset: readonly string[],
): CtcChar[] {
  const out: CtcChar[] = [];
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let p = -1;
    const row = t * classes;
    for (let k = 0; k < classes; k++) {
      const v = probs[row + k]!;
      if (v > p) (p = v), (best = k);
    }
    if (best !== 0 && best === prev) {
      const last = out.at(-1)!;
      last.t1 = t;
      last.p = Math.max(last.p, p);
    } else if (best !== 0) out.push({ char: charset[best] ?? '', t0: t, t1: t, p });
    prev = best;
  }
  return out;
}

/**
 * The characters cut at spaces into words. A character is drawn as the run of timesteps it
 * was emitted in, widened by half the line's character pitch on either side (CTC emits each
 * character as a short spike near its middle); `steps` timesteps span the whole line.
 */
export function ctcWords(chars: readonly CtcChar[], steps: number): CtcWord[] {
  const groups: CtcChar[][] = [];
  let current: CtcChar[] = [];
  for (const c of chars) {
    if (c.char.trim() === '') {
      if (current.length) groups.push(current);
      current = [];
    } else current.push(c);
  }
  if (current.length) groups.push(current);
  const printed = chars.filter((c) => c.char.trim() !== '');
  const mid = (c: CtcChar): number => (c.t0 + c.t1 + 1) / 2;
  const pitch =
    printed.length > 1 ? (mid(printed.at(-1)!) - mid(printed[0]!)) / (printed.length - 1) : 1;
  const half = Math.max(0.5, pitch / 2);
  return groups.map((g) => ({
    text: g.map((c) => c.char).join(''),
    from: Math.max(0, mid(g[0]!) - half) / steps,
    to: Math.min(steps, mid(g.at(-1)!) + half) / steps,
    confidence: g.reduce((s, c) => s + c.p, 0) / g.length,
  }));
}

const CLOSING = /^[.,:;!?%)\]}]$/;

/**
 * Adds a space at each of `cuts` (timesteps) that falls between two printed characters with no
 * space between them: the detector saw a gap there (handwriting's wide word gaps often decode
 * without a space).
 */
export function spaceAtCuts(chars: readonly CtcChar[], cuts: readonly number[]): CtcChar[] {
  const out = [...chars];
  for (const cut of cuts) {
    const k = out.findIndex((c) => (c.t0 + c.t1 + 1) / 2 > cut);
    if (k <= 0) continue;
    if (out[k - 1]!.char.trim() === '' || out[k]!.char.trim() === '') continue;
    // Type sets no space before closing punctuation ("1.5g", "diet."): the gap is the mark's.
    if (CLOSING.test(out[k]!.char)) continue;
    out.splice(k, 0, { char: ' ', t0: cut, t1: cut, p: 1, cut: true });
  }
  return out;
}
