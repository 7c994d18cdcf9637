// Values written once that several backends, tests and benches need verbatim.
import type { AdultResult, AnalyzeRequest } from './types.js';

/** An adult answer with nothing flagged and every score 0 (the stub's; a test fake's). */
export const NOTHING_FLAGGED: Readonly<AdultResult> = Object.freeze({
  isAdultContent: false,
  isRacyContent: false,
  isGoryContent: false,
  adultScore: 0,
  racyScore: 0,
  goreScore: 0,
});

/** Every v3.2 analyze feature and detail at once, captions up to `maxCandidates`. */
export const everyFeature = (maxCandidates = 1): AnalyzeRequest => ({
  faces: true,
  objects: true,
  tags: true,
  description: { maxCandidates },
  categories: true,
  color: true,
  imageType: true,
  adult: true,
  brands: true,
  celebrities: true,
  landmarks: true,
});
