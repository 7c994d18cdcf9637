import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { createBackend } from './backend.js';
import { resolveBackendOptions } from './backend-options.js';

describe('createBackend options', () => {
  it('fails fast, naming the option, before starting any worker', () => {
    expect(() => createBackend({ workers: 3 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_BACKEND_OPTION',
        message: expect.stringContaining('workers'),
      }),
    );
    expect(() => createBackend({ workers: 0 })).toThrow(/workers must be 1 or 2/);
    expect(() => createBackend({ ocrWorkers: 0 })).toThrow(
      /ocrWorkers must be an integer from 1 to 64/,
    );
    expect(() => createBackend({ ocrWorkers: 1.5 })).toThrow(/ocrWorkers/);
    expect(() => createBackend({ galleryDir: '/no/such/gallery' })).toThrow(
      /galleryDir must be an existing directory/,
    );
  });

  it('defaults the worker counts from the cores the process may use', () => {
    const cores = availableParallelism();
    expect(resolveBackendOptions({})).toMatchObject({
      workers: Math.min(2, cores),
      ocrWorkers: Math.min(4, cores),
    });
    expect(resolveBackendOptions({ workers: 1, ocrWorkers: 3 })).toMatchObject({
      workers: 1,
      ocrWorkers: 3,
    });
  });

  it('accepts the defaults and an existing gallery folder', async () => {
    const backend = createBackend({
      workers: 1,
      galleryDir: new URL('../../gallery/', import.meta.url).pathname,
    });
    await backend.close();
  });
});
