// A request's signal is listened to by every field that waits on upstream work, until its value
// arrives: a query of two images with a handful of fields each has more such waits at once than
// Node's leak warning allows (10 listeners), by design. The first query of the root README (two
// images, caption, tags, faces, thumbnail) printed "MaxListenersExceededWarning" in the gateway.
import { execute, parse } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import type { VisionClientLike } from './client.js';
import { createContext } from './context.js';
import { schema } from './schema.js';

/** Answers every analyze call after a macrotask, so the fields of both images wait together. */
const slowClient = {
  analyze: async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return {
      description: { tags: ['dog'], captions: [{ text: 'a dog', confidence: 0.9 }] },
      tags: [{ name: 'dog', confidence: 0.9 }],
      faces: [],
      objects: [],
      categories: [],
      color: {
        dominantColorForeground: 'Black',
        dominantColorBackground: 'White',
        dominantColors: [],
        accentColor: '000000',
        isBwImg: false,
        isBWImg: false,
      },
      imageType: { clipArtType: 0, lineDrawingType: 0 },
      metadata: { width: 600, height: 450, format: 'Jpeg' },
      requestId: 'r',
    };
  },
} as unknown as VisionClientLike;

const QUERY = `{
  images(urls: ["https://example.com/a.jpg", "https://example.com/b.jpg"]) {
    width height caption { text } tags { name } faces { age } objects { name }
    color { accentColor } categories { name } imageType { clipArtType }
  }
}`;

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
afterEach(() => {
  process.off('warning', onWarning);
  warnings.length = 0;
});

describe('the request signal', () => {
  it('takes a listener per waiting field without a MaxListenersExceededWarning', async () => {
    process.on('warning', onWarning);
    const controller = new AbortController();
    const result = await execute({
      schema,
      document: parse(QUERY),
      contextValue: createContext({ client: slowClient, signal: controller.signal }),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['images']).toHaveLength(2);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).toEqual([]);
  });
});
