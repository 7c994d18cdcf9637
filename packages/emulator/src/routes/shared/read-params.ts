// Read 3.2 parameters: pages (csv of "n", "a-b", "a-", "-b"), readingOrder, language.
import { PAGE_RANGE_PATTERN, READ_LANGUAGES, READING_ORDERS } from '../../constants.js';
import { AzureErrors } from '../../errors/azure-error-factory.js';
import type { Query } from '../../http/query.js';
import { parseLanguage } from './params.js';

export interface ReadParams {
  language: string | undefined;
  readingOrder: 'basic' | 'natural';
  /** Raw page ranges; resolved against the document once its page count is known. */
  pageRanges: string[] | undefined;
}

export function parseReadParams(query: Query): ReadParams {
  const rawLanguage = query.get('language');
  const language =
    rawLanguage === undefined || rawLanguage === ''
      ? undefined
      : parseLanguage(rawLanguage, READ_LANGUAGES, 'en');
  const order = (query.get('readingOrder') ?? 'basic').toLowerCase();
  const readingOrder = READING_ORDERS.find((o) => o === order);
  if (!readingOrder) throw AzureErrors.readingOrder(query.get('readingOrder') ?? '');
  const pages = query.get('pages');
  let pageRanges: string[] | undefined;
  if (pages !== undefined) {
    pageRanges = pages.split(',').map((s) => s.trim());
    const bad = pageRanges.find(
      (r) => !PAGE_RANGE_PATTERN.test(r) || r.split('-').some((n) => n !== '' && Number(n) < 1),
    );
    if (bad !== undefined) throw AzureErrors.pageRange(pages);
  }
  return { language, readingOrder, pageRanges };
}

/** 1-based page numbers selected by `ranges` in a document of `count` pages (all when undefined). */
export function resolvePages(ranges: string[] | undefined, count: number, raw: string): number[] {
  const all = Array.from({ length: count }, (_, i) => i + 1);
  if (!ranges) return all;
  const chosen = new Set<number>();
  for (const range of ranges) {
    const [from, to] = range.includes('-') ? range.split('-') : [range, range];
    const lo = from ? Number(from) : 1;
    const hi = to ? Number(to) : count;
    if (lo > hi) throw AzureErrors.pageRange(raw);
    for (let p = lo; p <= Math.min(hi, count); p += 1) chosen.add(p);
  }
  if (chosen.size === 0) throw AzureErrors.pageRange(raw);
  return all.filter((p) => chosen.has(p));
}
