// How likely the recogniser's output over some timesteps is to spell a given text: the CTC
// forward algorithm (sum over every alignment of the text with blanks and repeats), in log space.

/**
 * ln P(labels | timesteps from..to) under CTC with blank class 0. `probs` holds rows of
 * `classes` probabilities per timestep. -Infinity when the text cannot fit.
 */
export function ctcLogLikelihood(
  probs: Float32Array,
  classes: number,
  from: number,
  to: number,
  labels: readonly number[],
): number {
  const steps = to - from + 1;
  const states = labels.length * 2 + 1;
  if (steps <= 0 || labels.length > steps) return -Infinity;
  const lp = (t: number, k: number): number =>
    Math.log(Math.max(1e-30, probs[(from + t) * classes + k]!));
  const label = (s: number): number => (s % 2 === 0 ? 0 : labels[(s - 1) / 2]!);
  let prev = new Float64Array(states).fill(-Infinity);
  prev[0] = lp(0, 0);
  if (states > 1) prev[1] = lp(0, label(1));
  for (let t = 1; t < steps; t++) {
    const row = new Float64Array(states).fill(-Infinity);
    for (let s = 0; s < states; s++) {
      let a = prev[s]!;
      if (s > 0) a = logAdd(a, prev[s - 1]!);
      if (s > 1 && s % 2 === 1 && label(s) !== label(s - 2)) a = logAdd(a, prev[s - 2]!);
      if (a > -Infinity) row[s] = a + lp(t, label(s));
    }
    prev = row;
  }
  return states > 1 ? logAdd(prev[states - 1]!, prev[states - 2]!) : prev[0]!;
}

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}
