import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { GatewayErrorCode } from '../errors/error-codes.js';

/**
 * Deepest nesting of `{`, `[` and `(` a document may have. graphql-js parses and validates
 * recursively: about 2,000 nested selections (8 KB, under the token limit) overflow the stack
 * before graphql-armor's depth rule runs, which answered 500. No query of this schema nests
 * more than ~20 (selection depth is limited to GATEWAY_MAX_DEPTH anyway).
 */
export const MAX_NESTING = 100;

/** The deepest bracket nesting of `source`, ignoring strings, block strings and comments. */
export function nestingOf(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end === -1 ? source.length : end + 2;
      } else {
        for (i += 1; i < source.length && source[i] !== '"' && source[i] !== '\n'; i += 1) {
          if (source[i] === '\\') i += 1;
        }
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth -= 1;
    }
  }
  return deepest;
}

/** Refuses a document nested deeper than {@link MAX_NESTING} with QUERY_TOO_DEEP, before parsing. */
export function useNestingLimit(): Plugin {
  return {
    onParams({ params }) {
      if (typeof params.query !== 'string') return;
      const nesting = nestingOf(params.query);
      if (nesting <= MAX_NESTING) return;
      throw new GraphQLError(
        `Query nesting depth limit of ${MAX_NESTING} exceeded, found ${nesting}.`,
        { extensions: { code: GatewayErrorCode.QUERY_TOO_DEEP, http: { status: 400 } } },
      );
    },
  };
}
