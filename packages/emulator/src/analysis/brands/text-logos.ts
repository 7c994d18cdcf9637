// Text logos: short lines of scene text (a wordmark on a shirt, a shop sign) that spell a
// well-known brand name. Built on the text pipeline's Read words, so it reads what the OCR reads.
import type { BrandResult, Quad, ReadLineResult } from '../types.js';
import { BRAND_NAMES } from './brand-names.js';

/** A logo is a word or two, not running text: longer lines are prose that mentions a name. */
const MAX_LINE_WORDS = 4;
/** Brand names are matched over at most this many consecutive words ("Burger King"). */
const MAX_NAME_WORDS = 3;
/** Long names may have one OCR slip ("Micros0ft") at this cost in confidence. */
const SLIP_PENALTY = 0.85;
const SLIP_MIN_LENGTH = 6;

/** Letters and digits only, lower case: "Coca-Cola" and "COCA COLA" are one name. */
export const brandKey = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();

const BY_KEY = new Map(BRAND_NAMES.map((n) => [brandKey(n), n]));

/** Levenshtein distance, capped: only "0, 1 or more" matters here. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tail = (x: number, y: number): boolean => a.slice(x) === b.slice(y);
  return tail(i + 1, i + 1) || tail(i + 1, i) || tail(i, i + 1);
}

function lookUp(key: string): { name: string; exact: boolean } | undefined {
  const exact = BY_KEY.get(key);
  if (exact) return { name: exact, exact: true };
  if (key.length < SLIP_MIN_LENGTH) return undefined;
  for (const [k, name] of BY_KEY) if (withinOneEdit(key, k)) return { name, exact: false };
  return undefined;
}

function quadsBox(quads: Quad[]): BrandResult['rect'] {
  const xs = quads.flatMap((q) => [q[0], q[2], q[4], q[6]]);
  const ys = quads.flatMap((q) => [q[1], q[3], q[5], q[7]]);
  const x = Math.max(0, Math.floor(Math.min(...xs)));
  const y = Math.max(0, Math.floor(Math.min(...ys)));
  return { x, y, w: Math.ceil(Math.max(...xs)) - x, h: Math.ceil(Math.max(...ys)) - y };
}

/**
 * Brands spelled by short lines of Read output (pixel units), one per name, most confident first.
 * Confidence: the mean word confidence, less for a one-letter slip.
 */
export function textLogos(lines: ReadLineResult[]): BrandResult[] {
  const best = new Map<string, BrandResult>();
  for (const line of lines) {
    const words = line.words;
    if (!words.length || words.length > MAX_LINE_WORDS) continue;
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= MAX_NAME_WORDS && i + n <= words.length; n++) {
        const span = words.slice(i, i + n);
        const hit = lookUp(brandKey(span.map((w) => w.text).join('')));
        if (!hit) continue;
        const mean = span.reduce((s, w) => s + w.confidence, 0) / span.length;
        const confidence = mean * (hit.exact ? 1 : SLIP_PENALTY);
        if (confidence <= (best.get(hit.name)?.confidence ?? 0)) continue;
        best.set(hit.name, { name: hit.name, confidence, rect: quadsBox(span.map((w) => w.box)) });
      }
    }
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}
