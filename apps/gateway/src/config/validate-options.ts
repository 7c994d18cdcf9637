import {
  checkHttpUrl,
  checkOrigins,
  checkPort,
  checkPositiveInt,
  checkRedisUrl,
} from './checks.js';
import { ConfigError } from './config-error.js';
import {
  DEFAULT_SERVER_LIMITS,
  type GatewayLimits,
  type ServerLimits,
  type StartGatewayOptions,
} from './gateway-options.js';

const SERVER_LIMIT_NAMES: ReadonlyArray<keyof ServerLimits> = [
  'headersTimeoutMs',
  'requestTimeoutMs',
  'keepAliveTimeoutMs',
  'maxConnections',
];

const LIMIT_NAMES = [
  'maxDepth',
  'maxAliases',
  'maxCost',
  'maxTokens',
  'maxUploadBytes',
  'maxRequestBytes',
  'maxTransactions',
  'maxImages',
  'maxReadPages',
] as const;

/** Checks the limits object; throws {@link ConfigError} naming `limits.<field>`. */
export function validateLimits(limits: GatewayLimits | undefined): void {
  for (const name of LIMIT_NAMES) {
    const value = limits?.[name];
    if (value !== undefined) checkPositiveInt(`limits.${name}`, value);
  }
}

/** Checks programmatic options once, before anything starts; throws {@link ConfigError}. */
export function validateOptions(options: StartGatewayOptions): void {
  if (options.port !== undefined) checkPort('port', options.port);
  if (options.visionEndpoint !== undefined) {
    checkHttpUrl('visionEndpoint', options.visionEndpoint);
    if (!options.visionKey)
      throw new ConfigError('visionKey', 'is required when visionEndpoint is set');
  } else if (options.visionKey !== undefined) {
    throw new ConfigError('visionEndpoint', 'is required when visionKey is set');
  }
  if (options.shutdownTimeoutMs !== undefined)
    checkPositiveInt('shutdownTimeoutMs', options.shutdownTimeoutMs);
  if (options.readinessTimeoutMs !== undefined)
    checkPositiveInt('readinessTimeoutMs', options.readinessTimeoutMs);
  for (const name of SERVER_LIMIT_NAMES) {
    const value = options.server?.[name];
    if (value !== undefined) checkPositiveInt(`server.${name}`, value);
  }
  const headers = options.server?.headersTimeoutMs ?? DEFAULT_SERVER_LIMITS.headersTimeoutMs;
  const whole = options.server?.requestTimeoutMs ?? DEFAULT_SERVER_LIMITS.requestTimeoutMs;
  if (headers > whole)
    throw new ConfigError(
      'server.headersTimeoutMs',
      `must not exceed server.requestTimeoutMs (${whole}), got ${headers}`,
    );
  if (options.corsOrigins !== undefined) checkOrigins('corsOrigins', options.corsOrigins);
  if (options.allowPrivateUrls !== undefined && typeof options.allowPrivateUrls !== 'boolean')
    throw new ConfigError('allowPrivateUrls', 'must be true or false');
  if (options.executionTimeoutMs !== undefined)
    checkPositiveInt('executionTimeoutMs', options.executionTimeoutMs);
  validateLimits(options.limits);
  validateScaling(options);
}

function validateScaling(options: StartGatewayOptions): void {
  const rps = options.maxUpstreamRps;
  if (rps !== undefined && !(Number.isFinite(rps) && rps > 0))
    throw new ConfigError('maxUpstreamRps', `must be a number above 0, got ${JSON.stringify(rps)}`);
  const store = options.store;
  if (store === undefined) return;
  checkRedisUrl('store.url', store.url);
  for (const name of ['timeoutMs', 'retryMs', 'leaseMs'] as const) {
    const value = store[name];
    if (value !== undefined) checkPositiveInt(`store.${name}`, value);
  }
}
