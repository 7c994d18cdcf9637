import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MASKED_MESSAGE, maskError } from './mask-error.js';

describe('maskError', () => {
  it('replaces an unexpected error with a generic coded one, keeping its location only', () => {
    const cause = new TypeError('Cannot read properties of undefined (reading key=abc)');
    const located = new GraphQLError(cause.message, {
      path: ['image', 'caption'],
      originalError: cause,
    });
    const masked = maskError(located) as GraphQLError;
    expect(masked.message).toBe(MASKED_MESSAGE);
    expect(masked.path).toEqual(['image', 'caption']);
    expect(masked.toJSON()).toEqual({
      message: MASKED_MESSAGE,
      path: ['image', 'caption'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', unexpected: true },
    });
  });

  it('passes a coded error thrown by a resolver through unchanged', () => {
    const coded = new GraphQLError('Image URL is invalid', {
      path: ['image'],
      extensions: { code: 'INVALID_IMAGE' },
    });
    expect(maskError(coded)).toBe(coded);
    expect(
      (maskError(new GraphQLError('x', { originalError: coded })) as GraphQLError).extensions[
        'code'
      ],
    ).toBe('INVALID_IMAGE');
  });

  it.each([
    ['Syntax Error: Expected Name, found <EOF>.', 'GRAPHQL_PARSE_FAILED'],
    ['Cannot query field "nope" on type "Image".', 'GRAPHQL_VALIDATION_FAILED'],
    ['Variable "$url" of required type "URL!" was not provided.', 'BAD_USER_INPUT'],
  ])('gives %j the code %s', (message, code) => {
    expect((maskError(new GraphQLError(message)) as GraphQLError).extensions['code']).toBe(code);
  });
});
