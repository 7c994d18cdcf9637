// The playground's example picker promises, per image, what it shows (GET /examples `shows`).
// Each promise is checked here against the real stack: every field an example claims comes back
// non-empty for it, so a description cannot drift from what the emulator really answers.
import { exampleCatalog, type ExampleImage } from '@visiongraph/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './helpers/stack.js';

const SELECTION: Record<ExampleImage['shows'][number], string> = {
  caption: 'caption { text }',
  tags: 'tags { name }',
  faces: 'faces { age }',
  objects: 'objects { name }',
  celebrities: 'celebrities { name }',
  landmarks: 'landmarks { name }',
  brands: 'brands { name }',
  text: 'text { lines { text } }',
  imageType: 'imageType { clipArtType }',
  thumbnail: 'thumbnail(width: 64, height: 64) { byteSize }',
};

/** What a user would call "it shows this": a non-empty answer. */
function shown(field: string, value: any): boolean {
  if (value == null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (field === 'caption') return value.text.length > 0;
  if (field === 'text') return value.lines.length > 0;
  if (field === 'imageType') return value.clipArtType > 0;
  if (field === 'thumbnail') return value.byteSize > 0;
  return true;
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(() => stack?.close());

describe('the example catalog', () => {
  it('lists every example with what it shows, served at GET /examples', async () => {
    const res = await fetch(`${stack.gateway.url}/examples`);
    expect(await res.json()).toEqual(exampleCatalog());
    for (const example of exampleCatalog()) expect(example.shows.length).toBeGreaterThan(0);
  });

  for (const example of exampleCatalog()) {
    it(`${example.name} (${example.file}) shows ${example.shows.join(', ')}`, async () => {
      const fields = example.shows.map((field) => SELECTION[field]).join('\n');
      const { body } = await stack.gql(`query($url: URL!) { image(url: $url) { ${fields} } }`, {
        url: stack.image(example.file),
      });
      expect(body.errors).toBeUndefined();
      const missing = example.shows.filter((field) => !shown(field, body.data?.image?.[field]));
      expect(missing).toEqual([]);
    }, 180_000);
  }
});
