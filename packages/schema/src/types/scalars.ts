import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { builder } from '../builder.js';
import { ErrorCode } from '../errors/error-codes.js';

/** Parses an absolute http(s) URL and returns its normalised form, or throws BAD_USER_INPUT. */
export function parseHttpUrl(value: unknown): string {
  if (typeof value !== 'string') throw urlError('URL must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw urlError(`"${truncate(value)}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw urlError(`URL must use http or https, got "${url.protocol.slice(0, -1)}"`);
  }
  return url.href;
}

function urlError(message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, {
    ...(node ? { nodes: node } : {}),
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  });
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

builder.scalarType('URL', {
  description: 'An absolute http or https URL, e.g. `https://example.com/cat.jpg`.',
  serialize: (value) => value,
  parseValue: parseHttpUrl,
  // Errors carry the literal's node, so the client sees where in the document the bad URL is.
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw urlError('URL must be a string literal', ast);
    try {
      return parseHttpUrl(ast.value);
    } catch (error) {
      throw error instanceof GraphQLError ? urlError(error.message, ast) : error;
    }
  },
});

builder.scalarType('File', {
  description:
    'An uploaded file, sent with the GraphQL multipart request spec (input only). The server reads its bytes once.',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
  parseValue: (value) => {
    if (
      typeof value !== 'object' ||
      value === null ||
      typeof (value as Blob).arrayBuffer !== 'function'
    ) {
      throw new GraphQLError('upload must be a multipart file', {
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      });
    }
    return value as File;
  },
});
