/** A setting failed validation. The message names the setting (env variable or option). */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID' as const;
  /** The environment variable or option name that was wrong. */
  readonly setting: string;

  constructor(setting: string, message: string) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
    this.setting = setting;
  }
}
