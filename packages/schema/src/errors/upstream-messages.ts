import { ErrorCode } from './error-codes.js';

/**
 * What a client reads when the upstream (or its download of the image) failed: one fixed text
 * per code. The upstream's own message can carry what the client must not see: an address and
 * port it tried ("connect ECONNREFUSED 10.0.0.5:22"), an errno, the status or body an image host
 * answered. `extensions` keep `upstreamCode`, `upstreamStatus` and `requestId` for support.
 */
export const UPSTREAM_MESSAGES: Readonly<Partial<Record<ErrorCode, string>>> = {
  [ErrorCode.INVALID_IMAGE]:
    'The image could not be fetched, or is not an image the vision service accepts.',
  [ErrorCode.IMAGE_TOO_LARGE]: 'The image is larger than the vision service accepts.',
  [ErrorCode.UNSUPPORTED_LANGUAGE]:
    'The vision service does not support this language for this operation.',
  [ErrorCode.BAD_USER_INPUT]: 'The vision service refused the request as invalid.',
  [ErrorCode.UPSTREAM_RATE_LIMITED]: 'The vision service is rate limiting; try again later.',
  [ErrorCode.UPSTREAM_TIMEOUT]: 'The vision service did not answer in time.',
  [ErrorCode.UPSTREAM_UNAVAILABLE]: 'The vision service is unavailable.',
  [ErrorCode.UNAUTHENTICATED]: "The vision service refused the gateway's credentials.",
  [ErrorCode.UPSTREAM_ERROR]: 'The vision service failed to answer.',
  [ErrorCode.ABORTED]: 'The request was cancelled before the vision service answered.',
};

export function upstreamMessage(code: ErrorCode): string {
  return UPSTREAM_MESSAGES[code] ?? 'The vision service failed to answer.';
}
