import { describe, expect, it } from 'vitest';
import { normalizeStatus } from './get-read-result.js';

describe('normalizeStatus', () => {
  it.each([
    ['notStarted', 'notStarted'],
    ['Not Started', 'notStarted'],
    ['NotStarted', 'notStarted'],
    ['running', 'running'],
    ['Running', 'running'],
    ['succeeded', 'succeeded'],
    ['Succeeded', 'succeeded'],
    ['failed', 'failed'],
    ['Failed', 'failed'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeStatus(input)).toBe(expected);
  });

  it('rejects anything else', () => {
    expect(normalizeStatus('done')).toBeUndefined();
    expect(normalizeStatus(undefined)).toBeUndefined();
    expect(normalizeStatus(3)).toBeUndefined();
  });
});
