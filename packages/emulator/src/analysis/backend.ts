import type { VisionBackend } from './types.js';

/** Options of {@link createBackend}. */
export interface BackendOptions {
  /**
   * A folder of extra reference images, same layout as the shipped gallery
   * (`landmarks/<Name>/*.jpg|png`, `celebrities/<Name>/*.jpg|png`); added to the shipped gallery.
   * @default undefined (shipped gallery only)
   */
  galleryDir?: string;
  /**
   * Worker threads running the ML models (1 or 2).
   * @default 2
   */
  workers?: number;
}

class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
  readonly code = 'NOT_READY';
}

/** Composes image loading, pixel analysis, ML models and recognition into one VisionBackend. */
export function createBackend(_options: BackendOptions = {}): VisionBackend {
  const notYet = async (): Promise<never> => {
    throw new NotReadyError('analysis backend is being assembled');
  };
  return {
    load: notYet, analyze: notYet, thumbnail: notYet, areaOfInterest: notYet,
    ocr: notYet, read: notYet, close: async () => {},
  };
}
