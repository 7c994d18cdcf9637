// Which API answers the fields both v3.2 and Image Analysis 4.0 can answer (caption, tags,
// objects, text): `VISION_API` = '3.2' | '4.0' | 'auto'. In auto mode the resource is asked
// through 4.0 until an answer shows it has no 4.0 (404: no such path or api-version) or no
// caption in its region (Azure's NotSupportedFeature); that is learned once per setting (one per
// server) and v3.2 answers from then on. The missing captions are learned in every mode: later
// 4.0 calls leave caption and dense captions out. It is read from the status and Azure's code,
// never from message text: the errors that reach this module carry one fixed message per
// GraphQL code.
import { GraphQLError } from 'graphql';
import { toGraphQLError } from '../errors/to-graphql-error.js';

export type VisionApiMode = '3.2' | '4.0' | 'auto';
export const VISION_API_MODES: readonly VisionApiMode[] = ['3.2', '4.0', 'auto'];

/** The fields that either API can answer. */
export type DualField = 'caption' | 'tags' | 'objects' | 'text';

export interface VisionApiSetting {
  readonly mode: VisionApiMode;
  /** Which API answers `field` now. */
  apiFor(field: DualField): '3.2' | '4.0';
  /**
   * Reads a failed 4.0 answer; true when it shows 4.0 (or a feature of the call) is not there,
   * so `field` should be answered by v3.2 instead.
   */
  learnFrom(field: DualField, error: unknown): boolean;
  /**
   * Reads a failed 4.0 call that asked for caption or dense captions; true when the region
   * refused them, which is remembered (in every mode) so later 4.0 calls leave them out.
   */
  learnCaptionRefusal(error: unknown): boolean;
  /**
   * Once a refusal is learned, the error a caption part gets without any call: the refusal's
   * code and message (no requestId: nothing was asked). Undefined while 4.0 captions are there.
   */
  captionRefusal(): GraphQLError | undefined;
}

/**
 * Azure's code for a feature its region does not offer ("The feature 'Caption' is not supported
 * in this region"); caption and dense captions are the region-limited 4.0 features.
 */
export const NOT_IN_REGION_CODE = 'NotSupportedFeature';

interface UpstreamFacts {
  status?: unknown;
  code?: unknown;
  extensions?: { upstreamStatus?: unknown; upstreamCode?: unknown };
}

/** The upstream status and Azure code of a GraphQL error (extensions) or a core error. */
function factsOf(error: unknown): { status?: number; code?: string } {
  const e = (error ?? {}) as UpstreamFacts;
  const status = e.extensions?.upstreamStatus ?? e.status;
  const code = e.extensions?.upstreamCode ?? e.code;
  return {
    ...(typeof status === 'number' && { status }),
    ...(typeof code === 'string' && { code }),
  };
}

/** One per server, so what auto mode learns about the resource is kept between requests. */
export function createVisionApiSetting(mode: VisionApiMode = 'auto'): VisionApiSetting {
  if (!VISION_API_MODES.includes(mode)) {
    throw new RangeError(`visionApi must be one of ${VISION_API_MODES.join(', ')}, got ${mode}`);
  }
  let has40 = true;
  let refusal: { message: string; extensions: Record<string, unknown> } | undefined;
  const learnCaptionRefusal = (error: unknown): boolean => {
    const { status, code } = factsOf(error);
    if (status !== 400 || code !== NOT_IN_REGION_CODE) return false;
    const { message, extensions } = toGraphQLError(error);
    const { requestId: _requestId, ...kept } = extensions;
    refusal ??= { message, extensions: kept };
    return true;
  };
  return {
    mode,
    apiFor(field) {
      if (mode !== 'auto') return mode;
      if (!has40 || (field === 'caption' && refusal)) return '3.2';
      return '4.0';
    },
    learnFrom(_field, error) {
      if (mode !== 'auto') return false;
      if (factsOf(error).status === 404) {
        has40 = false;
        return true;
      }
      // Only caption parts get the refusal (the loader asks again for the rest), so only
      // caption falls back, now and afterwards.
      return learnCaptionRefusal(error);
    },
    learnCaptionRefusal,
    captionRefusal: () =>
      refusal && new GraphQLError(refusal.message, { extensions: refusal.extensions }),
  };
}
