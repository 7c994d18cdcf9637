import { describe, expect, it } from 'vitest';
import { mergePayload } from './incremental.js';

describe('mergePayload', () => {
  const initial = { data: { image: { id: 'a', faces: [{ age: 30 }] } }, hasNext: true };

  it('puts deferred data at its path and keeps what was already there', () => {
    const merged = mergePayload(initial, {
      incremental: [{ data: { text: { lines: [{ text: 'quick' }] } }, path: ['image'] }],
      hasNext: false,
    });
    expect(merged).toEqual({
      data: { image: { id: 'a', faces: [{ age: 30 }], text: { lines: [{ text: 'quick' }] } } },
      hasNext: false,
    });
    expect(initial.data.image).not.toHaveProperty('text'); // the previous result is not mutated
  });

  it('collects errors from the initial result and from patches', () => {
    const first = mergePayload<typeof initial.data>(undefined, {
      ...initial,
      errors: [{ message: 'no faces', path: ['image', 'faces'], extensions: { code: 'X' } }],
    });
    const merged = mergePayload(first, {
      incremental: [
        {
          data: { ocr: null },
          path: ['image'],
          errors: [
            { message: 'bad', path: ['image', 'ocr'], extensions: { code: 'INVALID_IMAGE' } },
          ],
        },
      ],
      hasNext: false,
    });
    expect(merged.errors?.map((e) => e.extensions?.code)).toEqual(['X', 'INVALID_IMAGE']);
    expect(merged.data?.image).toHaveProperty('ocr', null);
  });

  it('treats a bare final {hasNext:false} as the end of the stream', () => {
    expect(mergePayload(initial, { hasNext: false })).toEqual({ ...initial, hasNext: false });
  });
});
