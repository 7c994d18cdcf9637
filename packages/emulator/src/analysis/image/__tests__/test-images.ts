import { readFileSync } from 'node:fs';

/** Bytes of a repository test image (testdata/images), for tests. */
export const testImage = (name: string): Buffer =>
  readFileSync(new URL(`../../../../../../testdata/images/${name}`, import.meta.url));
