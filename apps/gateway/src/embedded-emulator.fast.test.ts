import { describe, expect, it } from 'vitest';
import { importEmulator } from './embedded-emulator.js';

describe('importEmulator', () => {
  it('names VISION_ENDPOINT when the emulator package is missing', async () => {
    // What Node throws for an import of a package that is not installed.
    const missing = Object.assign(
      new Error("Cannot find package '@visiongraph/emulator' imported from /srv/gateway/dist/x.js"),
      { code: 'ERR_MODULE_NOT_FOUND' },
    );
    await expect(importEmulator(() => Promise.reject(missing))).rejects.toMatchObject({
      name: 'ConfigError',
      code: 'CONFIG_INVALID',
      setting: 'VISION_ENDPOINT',
      message: expect.stringContaining('@visiongraph/emulator'),
    });
  });

  it('passes other failures through', async () => {
    const broken = new SyntaxError('Unexpected token');
    await expect(importEmulator(() => Promise.reject(broken))).rejects.toBe(broken);
  });
});
