// Nearest gallery identity of a 128-d face descriptor. Measured on this gallery: the same person
// across photos is 0.44-0.50 apart, strangers >= 0.62, but two different gallery men only 0.594,
// so the common 0.6 rule is unsafe: accept below 0.55 and only with a clear runner-up margin.
import type { Identity } from './celebrity-gallery.js';

export const MAX_DISTANCE = 0.55;
export const MIN_MARGIN = 0.1;

export function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}

export function matchCelebrity(
  descriptor: number[],
  gallery: Identity[],
): { name: string; distance: number } | undefined {
  const ranked = gallery
    .map((id) => ({
      name: id.name,
      distance: Math.min(...id.descriptors.map((d) => euclidean(descriptor, d))),
    }))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = ranked;
  if (!best || best.distance >= MAX_DISTANCE) return undefined;
  if (second && second.distance - best.distance < MIN_MARGIN) return undefined;
  return best;
}

/** 1 at distance 0, 0.5 at the acceptance limit. */
export function celebrityConfidence(distance: number): number {
  return Math.max(0, Math.min(1, 1 - distance / (2 * MAX_DISTANCE)));
}
