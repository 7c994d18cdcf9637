import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playgroundMissingPage } from './http/playground-missing-page.js';
import { DEFAULT_EXAMPLES_DIR, DEFAULT_PLAYGROUND_DIR, packageFolder } from './paths.js';

const inRepo = (path: string) => realpathSync(fileURLToPath(new URL(path, import.meta.url)));

describe('default folders, by package resolution', () => {
  it('finds the example images in @visiongraph/testdata', () => {
    expect(realpathSync(DEFAULT_EXAMPLES_DIR!)).toBe(inRepo('../../../testdata/images'));
    expect(existsSync(`${DEFAULT_EXAMPLES_DIR}csdf-dog.jpg`)).toBe(true);
  });

  it('finds the playground build folder in @visiongraph/playground', () => {
    expect(DEFAULT_PLAYGROUND_DIR).toMatch(/\/dist\/$/);
    expect(realpathSync(`${DEFAULT_PLAYGROUND_DIR}..`)).toBe(inRepo('../../playground'));
  });

  it('is undefined for a package that is not installed, and the page at / says so', () => {
    expect(packageFolder('@visiongraph/no-such-package', 'dist')).toBeUndefined();
    expect(playgroundMissingPage(undefined)).toContain(
      'The <code>@visiongraph/playground</code> package is not installed beside the gateway',
    );
  });
});
