import { describe, expect, it } from 'vitest';
import { createJsonLogger } from './logger.js';

function capture(level: 'debug' | 'info' | 'warn' = 'info', secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createJsonLogger({ level, secrets, write: (line) => lines.push(line) });
  return {
    logger,
    lines,
    parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createJsonLogger', () => {
  it('writes one JSON object per line with time, level, msg and fields', () => {
    const { logger, lines, parsed } = capture();
    logger.info('request', { status: 200 });
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(parsed()[0]).toMatchObject({ level: 'info', msg: 'request', status: 200 });
    expect(Number.isNaN(Date.parse(String(parsed()[0]?.['time'])))).toBe(false);
  });

  it('drops lines below its level', () => {
    const { logger, parsed } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(parsed().map((l) => l['msg'])).toEqual(['c', 'd']);
  });

  it('serialises errors without their stack', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('boom'), { code: 'E_BOOM' });
    logger.error('failed', { error });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      error: { name: 'Error', message: 'boom', code: 'E_BOOM' },
    });
    expect(lines[0]).not.toContain('at ');
    logger.error('yoga', { detail: ['context', new TypeError('bad')] });
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({
      detail: ['context', { name: 'TypeError', message: 'bad' }],
    });
    expect(lines[0]).not.toContain('at ');
  });

  it('redacts secrets wherever they slip in', () => {
    const { logger, lines } = capture('info', ['s3cr3t-key-value']);
    logger.info('oops', {
      header: 'Ocp-Apim-Subscription-Key: s3cr3t-key-value',
      error: new Error('bad key s3cr3t-key-value'),
    });
    expect(lines.join('')).not.toContain('s3cr3t-key-value');
    expect(lines.join('')).toContain('[redacted]');
  });
});
