// Renders an AzureError in the envelope of the API that was called (CONTRACT.md §2, §4, §9.5):
// v3.2 analyze family wraps `{error:{code,message,innererror}}`, v1.0 and Read 3.2 are flat
// `{code,message,requestId}`, and the API gateway answers `{error:{code:"401",message}}`.
import type { AzureError } from './azure-error.js';

export type ErrorFormat = 'v3' | 'v1' | 'read';

export function renderError(err: AzureError, format: ErrorFormat, requestId: string): unknown {
  if (err.gateway) return { error: { code: err.code, message: err.message } };
  if (format === 'v3') {
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
