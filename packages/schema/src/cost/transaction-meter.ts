import type { AnalyzeFeature } from '../loaders/analyze-features.js';

/**
 * Azure transactions one request spent and the cache saved it. Azure bills each analyze
 * feature as one transaction, each other image call (describe, thumbnail, area of interest,
 * OCR) as one, and each page a read returns as one; listing models is free.
 */
export interface TransactionMeter {
  /** Transactions of the upstream calls this request made (successful ones: failures are not billed). */
  spent: number;
  /** Transactions answered by the cache or by another request's call in flight instead. */
  saved: number;
}

export function createTransactionMeter(): TransactionMeter {
  return { spent: 0, saved: 0 };
}

/** What one analyze call for `features` bills: one per feature; metadata alone names one (the carrier). */
export function analyzeTransactions(features: Iterable<AnalyzeFeature>): number {
  let billed = 0;
  let any = false;
  for (const feature of new Set(features)) {
    any = true;
    if (feature !== 'Metadata') billed += 1;
  }
  return any ? Math.max(billed, 1) : 0;
}

/** Read bills each page it returns. */
export function readTransactions(pages: unknown): number {
  return Array.isArray(pages) ? Math.max(pages.length, 1) : 1;
}
