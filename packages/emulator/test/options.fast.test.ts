// Options are validated once, with an error naming the option, and documented defaults apply.
import { describe, expect, it } from 'vitest';
import { createEmulator, EmulatorOptionsError, type EmulatorOptions } from '../src/index.js';
import { resolveOptions } from '../src/options.js';

describe('emulator options', () => {
  it('has the documented defaults', () => {
    const o = resolveOptions();
    expect(o).toMatchObject({
      key: 'emulator-key',
      host: '127.0.0.1',
      port: 5000,
      readResultTtlMs: 48 * 3600 * 1000,
      rateLimit: undefined,
      latencyMs: 0,
    });
    expect(o.readProgression).toEqual({
      notStarted: { polls: 1, ms: 0 },
      running: { polls: 1, ms: 0 },
    });
    expect(o.urlFetch).toEqual({
      timeoutMs: 10_000,
      maxBytes: 50 * 1024 * 1024,
      maxRedirects: 5,
      allowedHosts: undefined,
      allowPrivate: false,
    });
  });

  const bad: [string, EmulatorOptions][] = [
    ['key', { key: '' }],
    ['key', { key: 'has space' }],
    ['port', { port: -1 }],
    ['port', { port: 1.5 }],
    ['host', { host: '' }],
    ['galleryDir', { galleryDir: '/no/such/dir' }],
    ['readResultTtlMs', { readResultTtlMs: 0 }],
    ['readProgression.notStarted.polls', { readProgression: { notStarted: { polls: -1 } } }],
    ['readProgression.running.ms', { readProgression: { running: { ms: Number.NaN } } }],
    ['rateLimit', { rateLimit: 0 }],
    ['latencyMs', { latencyMs: -1 }],
    ['latencyMs', { latencyMs: 2.5 }],
    ['urlFetch.timeoutMs', { urlFetch: { timeoutMs: -5 } }],
    ['urlFetch.maxBytes', { urlFetch: { maxBytes: 0 } }],
    ['urlFetch.allowedHosts', { urlFetch: { allowedHosts: [''] } }],
    ['allowPrivateUrls', { allowPrivateUrls: 'yes' as never }],
    ['onRequest', { onRequest: 'log' as never }],
    ['backend', { backend: {} as never }],
    ['logger', { logger: { info: () => undefined } as never }],
    ['workers', { workers: 3 }],
    ['ocrWorkers', { ocrWorkers: 0 }],
    ['ocrWorkers', { ocrWorkers: 65 }],
  ];
  for (const [option, value] of bad) {
    it(`rejects a bad ${option}`, () => {
      let error: unknown;
      try {
        createEmulator(value);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(EmulatorOptionsError);
      expect((error as EmulatorOptionsError).option).toBe(option);
      expect((error as Error).message).toContain(`"${option}"`);
    });
  }
});
