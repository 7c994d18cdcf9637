// Which API answers the fields both v3.2 and Image Analysis 4.0 can answer (caption, tags,
// objects, text): `VISION_API` = '3.2' | '4.0' | 'auto'. In auto mode the resource is asked
// through 4.0 until an answer shows it has no 4.0 (404: no such path or api-version) or no
// caption in its region; that is learned once per setting (one per server) and v3.2 answers from
// then on.

export type VisionApiMode = '3.2' | '4.0' | 'auto';
export const VISION_API_MODES: readonly VisionApiMode[] = ['3.2', '4.0', 'auto'];

/** The fields that either API can answer. */
export type DualField = 'caption' | 'tags' | 'objects' | 'text';

export interface VisionApiSetting {
  readonly mode: VisionApiMode;
  /** Which API answers `field` now. */
  apiFor(field: DualField): '3.2' | '4.0';
  /** Reads a failed 4.0 answer; true when it shows 4.0 (or this field through 4.0) is not there. */
  learnFrom(field: DualField, error: unknown): boolean;
}

/** Azure's "The feature 'Caption' is not supported in this region". */
const NOT_IN_REGION = /not supported in this region/i;

function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; extensions?: { upstreamStatus?: unknown } } | null;
  const status = e?.extensions?.upstreamStatus ?? e?.status;
  return typeof status === 'number' ? status : undefined;
}

/** One per server, so what auto mode learns about the resource is kept between requests. */
export function createVisionApiSetting(mode: VisionApiMode = 'auto'): VisionApiSetting {
  if (!VISION_API_MODES.includes(mode)) {
    throw new RangeError(`visionApi must be one of ${VISION_API_MODES.join(', ')}, got ${mode}`);
  }
  let has40 = true;
  let captionIn40 = true;
  return {
    mode,
    apiFor(field) {
      if (mode !== 'auto') return mode;
      if (!has40 || (field === 'caption' && !captionIn40)) return '3.2';
      return '4.0';
    },
    learnFrom(field, error) {
      if (mode !== 'auto') return false;
      if (statusOf(error) === 404) {
        has40 = false;
        return true;
      }
      const message = error instanceof Error ? error.message : '';
      if (field === 'caption' && NOT_IN_REGION.test(message)) {
        captionIn40 = false;
        return true;
      }
      return false;
    },
  };
}
