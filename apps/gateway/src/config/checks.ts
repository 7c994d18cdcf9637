import { ConfigError } from './config-error.js';

// Shared by the env loader (settings named after env variables) and the option validator
// (settings named after options), so both say the same thing about the same mistake.

export function checkPort(setting: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new ConfigError(
      setting,
      `must be a port number from 0 to 65535, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function checkPositiveInt(setting: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ConfigError(
      setting,
      `must be a whole number of at least 1, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function checkHttpUrl(setting: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(setting, `must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      setting,
      `must be an http(s) URL, got protocol ${JSON.stringify(url.protocol)}`,
    );
  }
  return value;
}

/** Checks a list of browser origins (`https://app.example.com`, no path) or `*`. */
export function checkOrigins(setting: string, origins: readonly string[]): readonly string[] {
  if (!Array.isArray(origins)) throw new ConfigError(setting, 'must be a list of origins');
  for (const origin of origins) {
    if (origin === '*') continue;
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (
      !url ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.origin !== origin.replace(/\/$/, '')
    ) {
      throw new ConfigError(
        setting,
        `must list origins like "https://app.example.com" (scheme, host, optional port, no path) or "*", got ${JSON.stringify(origin)}`,
      );
    }
  }
  return origins;
}

/** Parses a whole number from an env string; anything else (`"4k"`, `"1.5"`, `""`) is refused. */
export function parseIntSetting(setting: string, raw: string): number {
  if (!/^\s*-?\d+\s*$/.test(raw)) {
    throw new ConfigError(setting, `must be a whole number, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

export function checkRedisUrl(setting: string, value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // The value itself is not echoed: a Redis URL may carry a password.
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    throw new ConfigError(setting, 'must be a redis://host:port or rediss://host:port URL');
  }
  return value;
}

/** Parses a positive decimal number (e.g. a rate such as `0.33`). */
export function parsePositiveNumber(setting: string, raw: string): number {
  const value = Number(raw);
  if (!/^\s*\d*\.?\d+\s*$/.test(raw) || !(value > 0)) {
    throw new ConfigError(setting, `must be a number above 0, got ${JSON.stringify(raw)}`);
  }
  return value;
}
