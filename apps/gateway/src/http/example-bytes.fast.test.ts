import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLES_DIR } from '../paths.js';
import { exampleBytesFor } from './example-bytes.js';

const MAX = 4 * 1024 * 1024;
const dog = await readFile(join(DEFAULT_EXAMPLES_DIR!, 'csdf-dog.jpg'));

describe('exampleBytesFor', () => {
  it('reads /examples/ files for URLs on any loopback name of a loopback request', async () => {
    const bytesOf = exampleBytesFor(DEFAULT_EXAMPLES_DIR, 'http://127.0.0.1:4000/graphql', MAX);
    for (const host of ['127.0.0.1:4000', 'localhost:4000', '[::1]:4000']) {
      const bytes = await bytesOf(`http://${host}/examples/csdf-dog.jpg`);
      expect(Buffer.from(bytes!).equals(dog)).toBe(true);
    }
    expect(await bytesOf('http://localhost:4001/examples/csdf-dog.jpg')).toBeUndefined();
    // Only what /examples/ serves: other paths, traversal and missing files stay URLs.
    expect(await bytesOf('http://localhost:4000/csdf-dog.jpg')).toBeUndefined();
    expect(await bytesOf('http://localhost:4000/examples/..%2fpackage.json')).toBeUndefined();
    expect(await bytesOf('http://localhost:4000/examples/no-such.jpg')).toBeUndefined();
  });

  it('gives a non-loopback Host only its own name, as before', async () => {
    const bytesOf = exampleBytesFor(DEFAULT_EXAMPLES_DIR, 'http://gw.example:4000/graphql', MAX);
    const own = await bytesOf('http://gw.example:4000/examples/csdf-dog.jpg');
    expect(Buffer.from(own!).equals(dog)).toBe(true);
    expect(await bytesOf('http://localhost:4000/examples/csdf-dog.jpg')).toBeUndefined();
    expect(await bytesOf('http://127.0.0.1:4000/examples/csdf-dog.jpg')).toBeUndefined();
  });
});
