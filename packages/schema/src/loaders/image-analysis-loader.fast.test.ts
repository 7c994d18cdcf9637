import { describe, expect, it } from 'vitest';
import { type Ia40Part, partKey, planCalls } from './image-analysis-loader.js';

describe('planCalls: the fewest Image Analysis 4.0 calls for the parts of one image', () => {
  it('puts every feature and every ratio in one call', () => {
    const parts: Ia40Part[] = [
      { kind: 'caption', neutral: false },
      { kind: 'denseCaptions', neutral: false },
      { kind: 'people' },
      { kind: 'read' },
      { kind: 'smartCrop', ratio: 1 },
      { kind: 'smartCrop', ratio: 1.5 },
      { kind: 'smartCrop', ratio: 1 },
    ];
    const calls = planCalls(parts);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ neutral: false, ratios: [1, 1.5] });
    expect(calls[0]!.parts).toEqual(parts);
  });

  it('asks gender-neutral wording when every caption wants it', () => {
    const [call] = planCalls([{ kind: 'caption', neutral: true }, { kind: 'tags' }]);
    expect(call).toMatchObject({ neutral: true, ratios: undefined });
  });

  it('splits only captions wanted both ways, and the service-picked crop beside ratios', () => {
    const calls = planCalls([
      { kind: 'caption', neutral: false },
      { kind: 'denseCaptions', neutral: true },
      { kind: 'smartCrop', ratio: 'auto' },
      { kind: 'smartCrop', ratio: 0.75 },
      { kind: 'objects' },
    ]);
    expect(calls.map((c) => [c.neutral, c.ratios, c.parts.map((p) => p.kind)])).toEqual([
      [false, [0.75], ['caption', 'smartCrop', 'objects']],
      [true, undefined, ['denseCaptions']],
      [false, undefined, ['smartCrop']],
    ]);
  });

  it('keys 4.0 parts apart from v3.2 analyze entries and from each other', () => {
    const keys = [
      partKey('img', { kind: 'caption', neutral: false }),
      partKey('img', { kind: 'caption', neutral: true }),
      partKey('img', { kind: 'smartCrop', ratio: 1 }),
      partKey('img', { kind: 'smartCrop', ratio: 'auto' }),
      partKey('img', { kind: 'tags' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(JSON.parse(key).slice(0, 2)).toEqual(['img', 'imageAnalysis']);
  });
});
