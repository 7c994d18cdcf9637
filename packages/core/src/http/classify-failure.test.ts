import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { classifyFailure } from './classify-failure.js';

const sysError = (code: string): Error =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });

describe('classifyFailure', () => {
  it.each([
    [new errors.ConnectTimeoutError(), 'timeout', 'ConnectTimeout', true],
    [new errors.HeadersTimeoutError(), 'timeout', 'HeadersTimeout', false],
    [new errors.BodyTimeoutError(), 'timeout', 'BodyTimeout', false],
    [new errors.SocketError('other side closed'), 'network', 'UND_ERR_SOCKET', false],
    [sysError('ECONNREFUSED'), 'network', 'ECONNREFUSED', true],
    [sysError('ENOTFOUND'), 'network', 'ENOTFOUND', true],
    [sysError('ECONNRESET'), 'network', 'ECONNRESET', false],
    [new errors.InvalidArgumentError('invalid header'), 'invalid_input', 'InvalidRequest', true],
    [
      new AggregateError([sysError('ECONNREFUSED'), sysError('ECONNREFUSED')]),
      'network',
      'ECONNREFUSED',
      true,
    ],
  ])('%s → %s %s (before send: %s)', (err, kind, code, beforeSend) => {
    const out = classifyFailure(err, 'tag', 'key');
    expect(out.error).toMatchObject({ kind, code, operation: 'tag' });
    expect(out.beforeSend).toBe(beforeSend);
  });

  it('redacts the key from an underlying message', () => {
    const out = classifyFailure(new Error('boom with secret-key-1 inside'), 'tag', 'secret-key-1');
    expect(out.error.message).not.toContain('secret-key-1');
    expect(out.error.message).toContain('[redacted]');
  });
});
