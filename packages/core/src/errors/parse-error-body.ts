/** What the client could learn from an error response body. */
export interface ParsedErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/**
 * Reads the three error formats Azure Vision uses:
 * v3.2 `{error:{code,message,innererror:{code,message}}}` (the innermost code is the specific one),
 * v1.0/Read flat `{code,message,requestId}`, and APIM `{error:{code:"401",message}}`.
 * Anything else (HTML from a proxy, empty body) gives a short text excerpt as the message.
 */
export function parseErrorBody(text: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 200);
    return excerpt ? { message: excerpt } : {};
  }
  const root = obj(json);
  if (!root) return {};
  const wrapped = obj(root.error) ?? root;
  let code = str(wrapped.code);
  let message = str(wrapped.message);
  // innererror may nest further (Azure.Core); walk to the deepest code.
  for (let inner = obj(wrapped.innererror); inner; inner = obj(inner.innererror)) {
    code = str(inner.code) ?? code;
    message = str(inner.message) ?? message;
  }
  const requestId = str(root.requestId) ?? str(wrapped.requestId);
  return {
    ...(code !== undefined && { code }),
    ...(message !== undefined && { message }),
    ...(requestId !== undefined && { requestId }),
  };
}
