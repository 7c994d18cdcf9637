// Public API of @visiongraph/gateway. Values first, then types.
export { createGateway, CSRF_HEADER, GRAPHQL_ENDPOINT } from './create-gateway.js';
export { startGateway } from './start-gateway.js';
export { loadConfig } from './config/load-config.js';
export { ConfigError } from './config/config-error.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SERVER_LIMITS,
} from './config/gateway-options.js';
export { GatewayErrorCode } from './errors/error-codes.js';
export { MASKED_MESSAGE } from './errors/mask-error.js';
export { exampleCatalog } from './http/example-catalog.js';
export { createJsonLogger, LOG_LEVELS } from './log/logger.js';

export type { Gateway } from './create-gateway.js';
export type { RunningGateway } from './start-gateway.js';
export type { EnvConfig } from './config/load-config.js';
export type {
  CreateGatewayOptions,
  GatewayLimits,
  ServerLimits,
  StartGatewayOptions,
} from './config/gateway-options.js';
export type { ExampleImage } from './http/example-catalog.js';
export type { JsonLoggerOptions, LogFields, LogLevel, Logger } from './log/logger.js';
