/** Broad category of a failure; the gateway maps these to GraphQL error codes. */
export type VisionErrorKind =
  | 'authentication'
  | 'rate_limit'
  | 'timeout'
  | 'network'
  | 'invalid_input'
  | 'upstream'
  | 'aborted';

/** Fields every VisionError may carry besides its message. */
export interface VisionErrorDetails {
  /** Azure's error code (innermost wins), or a client code such as `HeadersTimeout`. */
  code: string;
  status?: number;
  requestId?: string;
  retryAfterMs?: number;
  /** Client operation name, e.g. `analyze`. */
  operation?: string;
  /** Upstream attempts made before giving up (0 when rejected client-side). */
  attempts?: number;
  cause?: unknown;
}

/**
 * Base class of every error the client throws. Match on `kind` for handling and on `code` for detail.
 * Messages never contain the subscription key.
 */
export class VisionError extends Error {
  override name = 'VisionError';
  readonly kind: VisionErrorKind;
  readonly code: string;
  declare readonly status?: number;
  declare readonly requestId?: string;
  declare readonly retryAfterMs?: number;
  declare readonly operation?: string;
  declare readonly attempts?: number;

  constructor(kind: VisionErrorKind, message: string, details: VisionErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.code = details.code;
    // Only set the optional fields that are present, so JSON.stringify stays small.
    if (details.status !== undefined) this.status = details.status;
    if (details.requestId !== undefined) this.requestId = details.requestId;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.operation !== undefined) this.operation = details.operation;
    if (details.attempts !== undefined) this.attempts = details.attempts;
  }
}
