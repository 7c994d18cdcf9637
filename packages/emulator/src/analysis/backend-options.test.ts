import { describe, expect, it } from 'vitest';
import { createBackend } from './backend.js';

describe('createBackend options', () => {
  it('fails fast, naming the option, before starting any worker', () => {
    expect(() => createBackend({ workers: 3 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_BACKEND_OPTION',
        message: expect.stringContaining('workers'),
      }),
    );
    expect(() => createBackend({ workers: 0 })).toThrow(/workers must be 1 or 2/);
    expect(() => createBackend({ galleryDir: '/no/such/gallery' })).toThrow(
      /galleryDir must be an existing directory/,
    );
  });

  it('accepts the defaults and an existing gallery folder', async () => {
    const backend = createBackend({
      workers: 1,
      galleryDir: new URL('../../gallery/', import.meta.url).pathname,
    });
    await backend.close();
  });
});
