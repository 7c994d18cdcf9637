// Test helpers: a loopback static server for testdata images (URL bodies) and small HTTP helpers.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const IMAGE_DIR = fileURLToPath(new URL('../../../testdata/images/', import.meta.url));
export const image = (name: string): Buffer => readFileSync(IMAGE_DIR + name);
export const allImages = (): string[] =>
  readdirSync(IMAGE_DIR)
    .filter((f) => !f.endsWith('.md'))
    .sort();

export type { TestImageServer as ImageServer } from '../../../testdata/serve-images.js';
export { serveTestImages as serveImages } from '../../../testdata/serve-images.js';
