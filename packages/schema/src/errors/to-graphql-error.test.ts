import {
  AuthenticationError,
  InvalidInputError,
  NetworkError,
  RateLimitError,
  ReadFailedError,
  TimeoutError,
  UpstreamError,
} from '@visiongraph/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { toGraphQLError } from './to-graphql-error.js';

const codeOf = (error: unknown) => toGraphQLError(error).extensions.code;

describe('toGraphQLError', () => {
  it('maps Azure codes first', () => {
    expect(
      codeOf(
        new InvalidInputError('bad', { code: 'InvalidImageUrl', requestId: 'r1', status: 400 }),
      ),
    ).toBe('INVALID_IMAGE');
    expect(codeOf(new InvalidInputError('bad', { code: 'InvalidImageFormat' }))).toBe(
      'INVALID_IMAGE',
    );
    expect(codeOf(new InvalidInputError('bad', { code: 'NotSupportedImage' }))).toBe(
      'INVALID_IMAGE',
    );
    expect(codeOf(new InvalidInputError('bad', { code: 'InvalidImageDimension' }))).toBe(
      'INVALID_IMAGE',
    );
    expect(codeOf(new InvalidInputError('big', { code: 'InvalidImageSize' }))).toBe(
      'IMAGE_TOO_LARGE',
    );
    expect(codeOf(new InvalidInputError('lang', { code: 'NotSupportedLanguage' }))).toBe(
      'UNSUPPORTED_LANGUAGE',
    );
    expect(codeOf(new InvalidInputError('arg', { code: 'InvalidThumbnailSize' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('falls back to the error kind, and to UPSTREAM_UNAVAILABLE for 503', () => {
    expect(codeOf(new RateLimitError('slow down'))).toBe('UPSTREAM_RATE_LIMITED');
    expect(codeOf(new TimeoutError('late', { code: 'HeadersTimeout' }))).toBe('UPSTREAM_TIMEOUT');
    expect(codeOf(new NetworkError('refused', { code: 'ECONNREFUSED' }))).toBe(
      'UPSTREAM_UNAVAILABLE',
    );
    expect(codeOf(new AuthenticationError('denied', { code: '401', status: 401 }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(codeOf(new UpstreamError('boom', { code: 'InternalServerError', status: 500 }))).toBe(
      'UPSTREAM_ERROR',
    );
    expect(codeOf(new UpstreamError('down', { code: 'Whatever', status: 503 }))).toBe(
      'UPSTREAM_UNAVAILABLE',
    );
    expect(codeOf(new ReadFailedError('op-1'))).toBe('UPSTREAM_ERROR');
  });

  it('carries the upstream code, request id and status', () => {
    const error = toGraphQLError(
      new InvalidInputError('Input data is not a valid image.', {
        code: 'InvalidImageFormat',
        requestId: 'req-42',
        status: 400,
      }),
    );
    expect(error.message).toBe('Input data is not a valid image.');
    expect(error.extensions).toEqual({
      code: 'INVALID_IMAGE',
      upstreamCode: 'InvalidImageFormat',
      requestId: 'req-42',
      upstreamStatus: 400,
    });
  });

  it('hides unknown errors behind a generic message', () => {
    const error = toGraphQLError(new Error('ENOENT /srv/secret/path key=abc'));
    expect(error.message).toBe('Internal server error');
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(error.toJSON())).not.toContain('secret');
  });

  it('passes GraphQL errors through unchanged', () => {
    const original = new GraphQLError('x', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(toGraphQLError(original)).toBe(original);
  });
});
