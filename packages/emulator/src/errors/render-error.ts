// Renders an AzureError in the envelope of the API that was called (CONTRACT.md §2, §4, §9.5):
// v3.2 analyze family wraps `{error:{code,message,innererror}}`, v1.0 and Read 3.2 are flat
// `{code,message,requestId}`, Image Analysis 4.0 is v3.2's wrapper (Azure.Core) plus the
// `x-ms-error-code` header, and the API gateway answers `{error:{code:"401",message}}`.
import type { AzureError } from './azure-error.js';

export type ErrorFormat = 'v3' | 'v1' | 'read' | 'ia40';

/** Azure.Core's `x-ms-error-code` header (Image Analysis 4.0): the top-level code. */
export function errorCodeHeader(err: AzureError, format: ErrorFormat): Record<string, string> {
  if (format !== 'ia40') return {};
  return { 'x-ms-error-code': err.gateway ? err.code : err.outerCode };
}

export function renderError(err: AzureError, format: ErrorFormat, requestId: string): unknown {
  if (err.gateway) return { error: { code: err.code, message: err.message } };
  // Image Analysis 4.0 (Azure.Core): the same wrapper; an error with no specific code of its
  // own (a missing `features`) has no innererror. The pipeline adds `x-ms-error-code`.
  if (format === 'ia40' && err.code === err.outerCode)
    return { error: { code: err.outerCode, message: err.outerMessage } };
  if (format === 'v3' || format === 'ia40') {
    return {
      error: {
        code: err.outerCode,
        message: err.outerMessage,
        innererror: { code: err.code, message: err.message },
      },
    };
  }
  return { code: err.code, message: err.message, requestId };
}
