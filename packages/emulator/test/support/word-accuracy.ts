// Word accuracy of an OCR reading against a known transcript, shared by the tests and the
// accuracy script (bench/text-accuracy.ts) so every figure means the same thing.

/**
 * Words compared: lower case, letters and digits only (punctuation and quotes around or inside
 * a word do not count, "-Rock" is "rock"), split at white space.
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
}

/**
 * 1 - (word-level edit distance / words in the truth), at least 0: a missed, wrong or extra
 * word each costs one. With `partial`, the truth is only part of what the image shows (an
 * excerpt), so extra words are free: the share of the truth's words read in order (longest
 * common subsequence).
 */
export function wordAccuracy(
  truth: string,
  seen: string,
  opts: { partial?: boolean } = {},
): number {
  const a = wordsOf(truth);
  const b = wordsOf(seen);
  if (!a.length) return b.length ? 0 : 1;
  if (opts.partial) {
    let prev = new Array<number>(b.length + 1).fill(0);
    for (const x of a) {
      const row = [0];
      for (let j = 1; j <= b.length; j++)
        row[j] = x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
      prev = row;
    }
    return prev[b.length]! / a.length;
  }
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return Math.max(0, 1 - prev[b.length]! / a.length);
}
