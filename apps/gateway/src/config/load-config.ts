import { VISION_API_MODES, type VisionApiMode } from '@visiongraph/schema';
import {
  checkHttpUrl,
  checkOrigins,
  checkPort,
  checkPositiveInt,
  checkRedisUrl,
  parseIntSetting,
  parsePositiveNumber,
} from './checks.js';
import { ConfigError } from './config-error.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  type GatewayLimits,
  type ServerLimits,
  type StartGatewayOptions,
} from './gateway-options.js';
import { LOG_LEVELS, type LogLevel } from '../log/logger.js';

/** What `main.ts` needs from the environment: gateway options plus the log level. */
export interface EnvConfig extends StartGatewayOptions {
  port: number;
  host: string;
  logLevel: LogLevel;
}

type Env = Readonly<Record<string, string | undefined>>;

// Env variable → limits field. Each is a positive whole number.
const LIMIT_VARS: ReadonlyArray<[string, keyof GatewayLimits]> = [
  ['MAX_UPLOAD_BYTES', 'maxUploadBytes'],
  ['GATEWAY_MAX_REQUEST_BYTES', 'maxRequestBytes'],
  ['GATEWAY_MAX_DEPTH', 'maxDepth'],
  ['GATEWAY_MAX_ALIASES', 'maxAliases'],
  ['GATEWAY_MAX_COST', 'maxCost'],
  ['GATEWAY_MAX_TOKENS', 'maxTokens'],
  ['GATEWAY_MAX_TRANSACTIONS', 'maxTransactions'],
  ['GATEWAY_MAX_IMAGES', 'maxImages'],
  ['GATEWAY_MAX_READ_PAGES', 'maxReadPages'],
];

// Env variable → HTTP server limit. Each is a positive whole number.
const SERVER_VARS: ReadonlyArray<[string, keyof ServerLimits]> = [
  ['GATEWAY_HEADERS_TIMEOUT_MS', 'headersTimeoutMs'],
  ['GATEWAY_REQUEST_TIMEOUT_MS', 'requestTimeoutMs'],
  ['GATEWAY_KEEP_ALIVE_TIMEOUT_MS', 'keepAliveTimeoutMs'],
  ['GATEWAY_MAX_CONNECTIONS', 'maxConnections'],
];

/** Blank values count as unset, as in most shells' `VAR= cmd`. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readBoolean(env: Env, name: string): boolean | undefined {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got ${JSON.stringify(raw)}`);
}

function readInt(
  env: Env,
  name: string,
  check: (setting: string, value: number) => number,
): number | undefined {
  const raw = read(env, name);
  return raw === undefined ? undefined : check(name, parseIntSetting(name, raw));
}

/**
 * Reads and validates the gateway's configuration from environment variables.
 * @throws {ConfigError} naming the variable that is wrong.
 */
export function loadConfig(env: Env = process.env): EnvConfig {
  const visionEndpoint = read(env, 'VISION_ENDPOINT');
  const visionKey = read(env, 'VISION_KEY');
  if (visionEndpoint !== undefined) {
    checkHttpUrl('VISION_ENDPOINT', visionEndpoint);
    if (visionKey === undefined)
      throw new ConfigError('VISION_KEY', 'is required when VISION_ENDPOINT is set');
  } else if (visionKey !== undefined) {
    throw new ConfigError(
      'VISION_ENDPOINT',
      'is required when VISION_KEY is set (unset both to use the embedded emulator)',
    );
  }

  const logLevel = (read(env, 'LOG_LEVEL')?.toLowerCase() ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`,
    );
  }

  const limits: GatewayLimits = {};
  for (const [name, field] of LIMIT_VARS) {
    const value = readInt(env, name, checkPositiveInt);
    if (value !== undefined) limits[field] = value;
  }

  const config: EnvConfig = {
    port: readInt(env, 'PORT', checkPort) ?? DEFAULT_PORT,
    host: read(env, 'HOST') ?? DEFAULT_HOST,
    logLevel,
    limits,
  };
  if (visionEndpoint !== undefined) config.visionEndpoint = visionEndpoint;
  if (visionKey !== undefined) config.visionKey = visionKey;
  const cache = readBoolean(env, 'GATEWAY_CACHE');
  if (cache !== undefined) config.cache = cache;
  const metrics = readBoolean(env, 'GATEWAY_METRICS');
  if (metrics !== undefined) config.metrics = metrics;
  const graphiql = readBoolean(env, 'GATEWAY_GRAPHIQL');
  if (graphiql !== undefined) config.graphiql = graphiql;
  const playgroundDir = read(env, 'GATEWAY_PLAYGROUND_DIR');
  if (playgroundDir !== undefined) config.playgroundDir = playgroundDir;
  const examplesDir = read(env, 'GATEWAY_EXAMPLES_DIR');
  if (examplesDir !== undefined) config.examplesDir = examplesDir;
  const corsOrigins = read(env, 'GATEWAY_CORS_ORIGINS');
  if (corsOrigins !== undefined) {
    config.corsOrigins = checkOrigins(
      'GATEWAY_CORS_ORIGINS',
      corsOrigins
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    ) as string[];
  }
  const server: ServerLimits = {};
  for (const [name, field] of SERVER_VARS) {
    const value = readInt(env, name, checkPositiveInt);
    if (value !== undefined) server[field] = value;
  }
  if (Object.keys(server).length > 0) config.server = server;
  const allowPrivateUrls = readBoolean(env, 'EMULATOR_ALLOW_PRIVATE_URLS');
  if (allowPrivateUrls !== undefined) config.allowPrivateUrls = allowPrivateUrls;
  const visionApi = read(env, 'VISION_API');
  if (visionApi !== undefined) {
    if (!(VISION_API_MODES as readonly string[]).includes(visionApi))
      throw new ConfigError(
        'VISION_API',
        `must be one of ${VISION_API_MODES.join(', ')}, got ${JSON.stringify(visionApi)}`,
      );
    config.visionApi = visionApi as VisionApiMode;
  }
  const shutdown = readInt(env, 'GATEWAY_SHUTDOWN_TIMEOUT_MS', checkPositiveInt);
  if (shutdown !== undefined) config.shutdownTimeoutMs = shutdown;
  readScaling(env, config);
  const execution = readInt(env, 'GATEWAY_EXECUTION_TIMEOUT_MS', checkPositiveInt);
  if (execution !== undefined) config.executionTimeoutMs = execution;
  return config;
}

// REDIS_URL and its tuning, VISION_MAX_RPS.
function readScaling(env: Env, config: EnvConfig): void {
  const rps = read(env, 'VISION_MAX_RPS');
  if (rps !== undefined) config.maxUpstreamRps = parsePositiveNumber('VISION_MAX_RPS', rps);
  const url = read(env, 'REDIS_URL');
  const tuning: Array<[string, 'timeoutMs' | 'leaseMs']> = [
    ['REDIS_TIMEOUT_MS', 'timeoutMs'],
    ['REDIS_LEASE_MS', 'leaseMs'],
  ];
  if (url === undefined) {
    for (const name of ['REDIS_KEY_PREFIX', ...tuning.map(([n]) => n)]) {
      if (read(env, name) !== undefined) throw new ConfigError(name, 'is only used with REDIS_URL');
    }
    return;
  }
  const store: NonNullable<EnvConfig['store']> = { url: checkRedisUrl('REDIS_URL', url) };
  const prefix = read(env, 'REDIS_KEY_PREFIX');
  if (prefix !== undefined) store.keyPrefix = prefix;
  for (const [name, field] of tuning) {
    const value = readInt(env, name, checkPositiveInt);
    if (value !== undefined) store[field] = value;
  }
  config.store = store;
}
