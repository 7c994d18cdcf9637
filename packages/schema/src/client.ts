import type { VisionClient } from '@visiongraph/core';

/** The part of core's client the schema calls; any object with these methods works (tests, wrappers). */
export type VisionClientLike = Pick<
  VisionClient,
  | 'analyze'
  | 'analyzeImage'
  | 'describe'
  | 'generateThumbnail'
  | 'areaOfInterest'
  | 'ocr'
  | 'readAndWait'
  | 'listModels'
>;
