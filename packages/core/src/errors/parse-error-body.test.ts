import { describe, expect, it } from 'vitest';
import { parseErrorBody } from './parse-error-body.js';

describe('parseErrorBody', () => {
  it('v3.2 wrapped with innererror', () => {
    const body = {
      error: {
        code: 'InvalidRequest',
        message: 'outer',
        innererror: { code: 'InvalidImageSize', message: 'Input image is too large.' },
      },
    };
    expect(parseErrorBody(JSON.stringify(body))).toEqual({
      code: 'InvalidImageSize',
      message: 'Input image is too large.',
    });
  });
  it('nested innererror: deepest code wins', () => {
    const body = {
      error: { code: 'A', message: 'a', innererror: { code: 'B', innererror: { code: 'C' } } },
    };
    expect(parseErrorBody(JSON.stringify(body))).toEqual({ code: 'C', message: 'a' });
  });
  it('flat v1.0 / Read', () => {
    expect(
      parseErrorBody(
        '{"code":"InvalidImageFormat","requestId":"f331","message":"Input data is not a valid image."}',
      ),
    ).toEqual({
      code: 'InvalidImageFormat',
      message: 'Input data is not a valid image.',
      requestId: 'f331',
    });
  });
  it('APIM 401 with a numeric-looking code', () => {
    expect(parseErrorBody('{"error":{"code":"401","message":"Access denied"}}')).toEqual({
      code: '401',
      message: 'Access denied',
    });
    expect(
      parseErrorBody('{"statusCode":401,"error":{"code":401,"message":"Access denied"}}').code,
    ).toBe('401');
  });
  it('non-JSON bodies become a short message', () => {
    expect(parseErrorBody('<html>\n <b>Bad   Gateway</b></html>')).toEqual({
      message: '<html> <b>Bad Gateway</b></html>',
    });
    expect(parseErrorBody('x'.repeat(500)).message).toHaveLength(200);
    expect(parseErrorBody('')).toEqual({});
    expect(parseErrorBody('[1,2]')).toEqual({});
  });
});
