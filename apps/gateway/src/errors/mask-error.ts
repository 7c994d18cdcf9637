import { GraphQLError } from 'graphql';
import { GatewayErrorCode, codeForUncodedError } from './error-codes.js';

/** The message every unexpected error is replaced with. */
export const MASKED_MESSAGE = 'Unexpected error.';

/**
 * Yoga's `maskError`. Errors raised as GraphQLErrors on purpose (the schema's coded errors,
 * parse, validation and limit errors) pass through, and get a code if they lack one. Anything
 * else (a TypeError in a resolver, a bug) becomes INTERNAL_SERVER_ERROR with a generic message:
 * no stack, no original message (it could quote a URL with credentials or a key).
 */
export function maskError(error: unknown): Error {
  if (isDeliberate(error)) return withCode(error);
  const located = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(MASKED_MESSAGE, {
    nodes: located?.nodes ?? null,
    source: located?.source ?? null,
    positions: located?.positions ?? null,
    path: located?.path ?? null,
    // `unexpected` tells yoga to answer 500 when there is no data; it is dropped from the body.
    extensions: { code: GatewayErrorCode.INTERNAL, unexpected: true },
  });
}

// A GraphQLError all the way down: thrown as such, not wrapped around a plain Error.
function isDeliberate(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null || isDeliberate(error.originalError);
}

// Mutates instead of copying: yoga logs every error that maskError replaces, and a query that
// fails validation is the client's mistake, not the server's.
function withCode(error: GraphQLError): GraphQLError {
  if (typeof error.extensions['code'] === 'string') return error;
  // Errors with a path come from execution: a resolver threw a GraphQLError without a code.
  const extensions = error.extensions as Record<string, unknown>;
  if (error.path) {
    extensions['code'] = GatewayErrorCode.INTERNAL;
    return error;
  }
  extensions['code'] = codeForUncodedError(error.message);
  // Yoga's own rule for request errors: 400 for application/graphql-response+json clients, 200
  // for plain application/json.
  extensions['http'] ??= { status: 400, spec: true };
  return error;
}
