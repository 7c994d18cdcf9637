import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', logLevel: 'info', limits: {} });
    expect(config.visionEndpoint).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      VISION_ENDPOINT: 'https://x.cognitiveservices.azure.com',
      VISION_KEY: 'k3y-value',
      LOG_LEVEL: 'DEBUG',
      MAX_UPLOAD_BYTES: '1000',
      GATEWAY_MAX_DEPTH: '5',
      GATEWAY_MAX_ALIASES: '3',
      GATEWAY_MAX_COST: '99',
      GATEWAY_MAX_TOKENS: '200',
      GATEWAY_MAX_REQUEST_BYTES: '5000',
      GATEWAY_CACHE: 'off',
      GATEWAY_GRAPHIQL: 'false',
      GATEWAY_PLAYGROUND_DIR: '/srv/pg',
      GATEWAY_EXAMPLES_DIR: '/srv/ex',
      GATEWAY_SHUTDOWN_TIMEOUT_MS: '250',
      EMULATOR_ALLOW_PRIVATE_URLS: '1',
      GATEWAY_CORS_ORIGINS: 'https://app.example, http://localhost:5173',
      GATEWAY_HEADERS_TIMEOUT_MS: '2000',
      GATEWAY_REQUEST_TIMEOUT_MS: '30000',
      GATEWAY_KEEP_ALIVE_TIMEOUT_MS: '4000',
      GATEWAY_MAX_CONNECTIONS: '100',
    });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'debug',
      visionEndpoint: 'https://x.cognitiveservices.azure.com',
      visionKey: 'k3y-value',
      limits: {
        maxUploadBytes: 1000,
        maxDepth: 5,
        maxAliases: 3,
        maxCost: 99,
        maxTokens: 200,
        maxRequestBytes: 5000,
      },
      cache: false,
      graphiql: false,
      playgroundDir: '/srv/pg',
      examplesDir: '/srv/ex',
      shutdownTimeoutMs: 250,
      allowPrivateUrls: true,
      corsOrigins: ['https://app.example', 'http://localhost:5173'],
      server: {
        headersTimeoutMs: 2000,
        requestTimeoutMs: 30000,
        keepAliveTimeoutMs: 4000,
        maxConnections: 100,
      },
    });
  });

  it.each([
    [{ PORT: 'http' }, 'PORT', 'must be a whole number, got "http"'],
    [{ PORT: '70000' }, 'PORT', 'must be a port number from 0 to 65535, got 70000'],
    [
      { VISION_ENDPOINT: 'not a url', VISION_KEY: 'k' },
      'VISION_ENDPOINT',
      'must be an absolute http(s) URL',
    ],
    [
      { VISION_ENDPOINT: 'ftp://host/', VISION_KEY: 'k' },
      'VISION_ENDPOINT',
      'must be an http(s) URL',
    ],
    [
      { VISION_ENDPOINT: 'https://x.example' },
      'VISION_KEY',
      'is required when VISION_ENDPOINT is set',
    ],
    [{ VISION_KEY: 'k' }, 'VISION_ENDPOINT', 'is required when VISION_KEY is set'],
    [{ MAX_UPLOAD_BYTES: '4MB' }, 'MAX_UPLOAD_BYTES', 'must be a whole number, got "4MB"'],
    [
      { GATEWAY_MAX_DEPTH: '0' },
      'GATEWAY_MAX_DEPTH',
      'must be a whole number of at least 1, got 0',
    ],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'must be one of debug, info, warn, error, silent'],
    [{ GATEWAY_CACHE: 'maybe' }, 'GATEWAY_CACHE', 'must be true or false'],
    [{ VISION_API: '4' }, 'VISION_API', 'must be one of 3.2, 4.0, auto, got "4"'],
  ])('refuses %j naming %s', (env, setting, message) => {
    const error = errorOf(env);
    expect(error.setting).toBe(setting);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message.startsWith(`${setting}: `)).toBe(true);
    expect(error.message).toContain(message);
  });

  it('reads VISION_API', () => {
    expect(loadConfig({ VISION_API: 'auto' }).visionApi).toBe('auto');
    expect(loadConfig({ VISION_API: '4.0' }).visionApi).toBe('4.0');
    expect(loadConfig({}).visionApi).toBeUndefined();
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: ' ', VISION_ENDPOINT: '', VISION_KEY: '' })).toMatchObject({
      port: 4000,
    });
  });

  it('reads the shared-store variables and refuses bad ones without echoing a password', () => {
    expect(
      loadConfig({
        REDIS_URL: 'redis://:s3cret@10.0.0.5:6379/2',
        REDIS_KEY_PREFIX: 'vg-prod:',
        REDIS_TIMEOUT_MS: '100',
        REDIS_LEASE_MS: '5000',
        VISION_MAX_RPS: '0.33',
      }),
    ).toMatchObject({
      store: {
        url: 'redis://:s3cret@10.0.0.5:6379/2',
        keyPrefix: 'vg-prod:',
        timeoutMs: 100,
        leaseMs: 5000,
      },
      maxUpstreamRps: 0.33,
    });
    const bad = errorOf({ REDIS_URL: 'http://:s3cret@host' });
    expect(bad.message).toMatch(/REDIS_URL/);
    expect(bad.message).not.toMatch(/s3cret/);
    expect(errorOf({ VISION_MAX_RPS: '0' }).message).toMatch(/VISION_MAX_RPS/);
    expect(errorOf({ VISION_MAX_RPS: 'ten' }).message).toMatch(/VISION_MAX_RPS/);
    expect(errorOf({ REDIS_LEASE_MS: '100' }).message).toMatch(
      /REDIS_LEASE_MS: is only used with REDIS_URL/,
    );
  });
});
