import { describe, expect, it } from 'vitest';
import { parseRatio, toggleRatio } from './crop-ratios.js';

describe('parseRatio', () => {
  it('reads decimals and width:height, rounded to two decimals', () => {
    expect(parseRatio('1.25')).toEqual({ ratio: 1.25 });
    expect(parseRatio(' 16:9 ')).toEqual({ ratio: 1.78 });
    expect(parseRatio('3:4')).toEqual({ ratio: 0.75 });
    expect(parseRatio('1.8')).toEqual({ ratio: 1.8 });
  });

  it('refuses what Azure would refuse (outside 0.75-1.8) and what is not a ratio', () => {
    expect(parseRatio('0.5')).toEqual({
      error: '0.5 is 0.5; the service accepts 0.75 to 1.8.',
    });
    expect(parseRatio('2:1')).toEqual({ error: '2:1 is 2; the service accepts 0.75 to 1.8.' });
    expect(parseRatio('1.81')).toHaveProperty('error');
    for (const text of ['', 'wide', '1:0', '1:2:3'])
      expect(parseRatio(text)).toHaveProperty('error');
  });
});

describe('toggleRatio', () => {
  it('adds in order and removes', () => {
    expect(toggleRatio([1], 0.75)).toEqual([0.75, 1]);
    expect(toggleRatio([0.75, 1], 1)).toEqual([0.75]);
  });
});
