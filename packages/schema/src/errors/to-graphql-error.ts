import { GraphQLError } from 'graphql';
import { AZURE_CODE_TABLE, ErrorCode, KIND_TABLE } from './error-codes.js';
import { upstreamMessage } from './upstream-messages.js';

/** The fields of a core `VisionError` this module reads (duck-typed so any realm's copy matches). */
interface VisionErrorLike {
  kind: string;
  code: string;
  message: string;
  status?: number;
  requestId?: string;
  retryAfterMs?: number;
}

function isVisionErrorLike(error: unknown): error is VisionErrorLike {
  if (!(error instanceof Error)) return false;
  const e = error as unknown as Record<string, unknown>;
  return typeof e.kind === 'string' && typeof e.code === 'string';
}

// System error codes (ECONNREFUSED, EHOSTUNREACH...) and undici's (UND_ERR_SOCKET).
const ERRNO = /^(E[A-Z0-9]+|UND_ERR_[A-Z_]+)$/;

/** Picks the GraphQL code for a core error: the Azure code's own entry, then 503, then the kind. */
export function graphqlCodeFor(error: { kind: string; code: string; status?: number }): ErrorCode {
  const byAzure = AZURE_CODE_TABLE[error.code];
  if (byAzure) return byAzure;
  if (error.status === 503) return ErrorCode.UPSTREAM_UNAVAILABLE;
  return KIND_TABLE[error.kind] ?? ErrorCode.UPSTREAM_ERROR;
}

/**
 * Turns anything a loader or resolver threw into a GraphQLError with `extensions.code`.
 * Core errors get the fixed message of their code (see UPSTREAM_MESSAGES) plus `upstreamCode`,
 * `requestId` and `status`; unknown errors get a generic message, so nothing internal (stack,
 * paths, key) leaks.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isVisionErrorLike(error)) {
    const extensions: Record<string, unknown> = { code: graphqlCodeFor(error) };
    // The service's own code (InvalidImageUrl, NotSupportedLanguage...) when it answered; a
    // connection failure's code is a system errno, which stays in the server's log.
    if (error.status !== undefined || !ERRNO.test(error.code)) extensions.upstreamCode = error.code;
    if (error.requestId !== undefined) extensions.requestId = error.requestId;
    if (error.status !== undefined) extensions.upstreamStatus = error.status;
    if (error.retryAfterMs !== undefined) extensions.retryAfterMs = error.retryAfterMs;
    return new GraphQLError(upstreamMessage(extensions.code as ErrorCode), { extensions });
  }
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    originalError: error instanceof Error ? error : undefined,
  });
}

/** A BAD_USER_INPUT error naming the offending argument. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid argument "${argument}": ${message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
  });
}
