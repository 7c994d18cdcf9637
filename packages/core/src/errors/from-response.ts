import {
  AuthenticationError,
  InvalidInputError,
  RateLimitError,
  UpstreamError,
} from './error-classes.js';
import { parseErrorBody } from './parse-error-body.js';
import { redact } from './redact.js';
import type { VisionError, VisionErrorDetails } from './vision-error.js';

/** An HTTP answer that is not a success, as the retry loop sees it. */
export interface ErrorResponse {
  status: number;
  bodyText: string;
  /** `x-ms-error-code` (Image Analysis 4.0), used when the body names no code. */
  headerCode?: string;
  requestId?: string;
  retryAfterMs?: number;
  operation: string;
}

/** Builds the typed error for an unsuccessful status, with Azure's code and message when present. */
export function errorFromResponse(res: ErrorResponse, key: string): VisionError {
  const parsed = parseErrorBody(res.bodyText);
  const requestId = parsed.requestId ?? res.requestId;
  const code = parsed.code ?? res.headerCode;
  const message = redact(
    `${res.operation}: HTTP ${res.status}${parsed.message ? `: ${parsed.message}` : ''}`,
    key,
  );
  const details: Partial<VisionErrorDetails> = {
    status: res.status,
    operation: res.operation,
    ...(code !== undefined && { code: redact(code, key) }),
    ...(requestId !== undefined && { requestId }),
    ...(res.retryAfterMs !== undefined && { retryAfterMs: res.retryAfterMs }),
  };
  if (res.status === 401 || res.status === 403) return new AuthenticationError(message, details);
  if (res.status === 429) return new RateLimitError(message, details);
  if (res.status >= 400 && res.status < 500) return new InvalidInputError(message, details);
  return new UpstreamError(message, details);
}
