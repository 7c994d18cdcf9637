/** Codes the gateway itself puts in `extensions.code` (the schema adds its own, e.g. INVALID_IMAGE). */
export const GatewayErrorCode = {
  /** An unexpected error, masked: generic message, no stack. */
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  /** An uploaded file is larger than `MAX_UPLOAD_BYTES`. */
  IMAGE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  /** A GET or a form-like POST without the CSRF header (`x-graphql-yoga-csrf`); HTTP 403. */
  CSRF_HEADER_REQUIRED: 'CSRF_HEADER_REQUIRED',
  /** The query could cost more Azure transactions than `GATEWAY_MAX_TRANSACTIONS`; nothing ran. */
  TRANSACTION_BUDGET_EXCEEDED: 'TRANSACTION_BUDGET_EXCEEDED',
  /** The query names more distinct images than `GATEWAY_MAX_IMAGES`; nothing ran. */
  TOO_MANY_IMAGES: 'TOO_MANY_IMAGES',
} as const;

export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

/**
 * The code for a GraphQL error that came without one: graphql-js' parse, validation and variable
 * errors, and the CSRF refusal (limit errors are coded where graphql-armor rejects them, see armor-limits.ts).
 */
export function codeForUncodedError(message: string): GatewayErrorCode {
  // @graphql-yoga/plugin-csrf-prevention throws this one without a code.
  if (message.startsWith('Required CSRF header')) return GatewayErrorCode.CSRF_HEADER_REQUIRED;
  if (message.startsWith('Syntax Error')) return GatewayErrorCode.PARSE_FAILED;
  if (message.startsWith('Variable "$')) return GatewayErrorCode.BAD_USER_INPUT;
  return GatewayErrorCode.VALIDATION_FAILED;
}
