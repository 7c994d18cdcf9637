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
    // A fixed text: the upstream's own could name an address, a port or an image host's answer.
    expect(error.message).toBe(
      'The image could not be fetched, or is not an image the vision service accepts.',
    );
    expect(error.extensions).toEqual({
      code: 'INVALID_IMAGE',
      upstreamCode: 'InvalidImageFormat',
      requestId: 'req-42',
      upstreamStatus: 400,
    });
  });

  it('never passes on the upstream message (addresses, ports, errnos, bodies)', () => {
    for (const error of [
      new InvalidInputError(
        'analyze: HTTP 400: Image URL is badly formatted or not accessible: connect ECONNREFUSED 127.0.0.1:22',
        { code: 'InvalidImageUrl', status: 400 },
      ),
      new NetworkError('analyze: ECONNREFUSED (connect ECONNREFUSED 10.1.2.3:5000)', {
        code: 'ECONNREFUSED',
      }),
      new UpstreamError('analyze: HTTP 502: <html>upstream proxy at 10.1.2.3</html>', {
        code: 'BadGateway',
        status: 502,
      }),
    ]) {
      const json = JSON.stringify(toGraphQLError(error).toJSON());
      expect(json).not.toMatch(/\d+\.\d+\.\d+\.\d+|ECONNREFUSED|:22|:5000|html/);
    }
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
