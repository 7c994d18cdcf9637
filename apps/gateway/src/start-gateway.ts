import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SERVER_LIMITS,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  type StartGatewayOptions,
} from './config/gateway-options.js';
import { validateOptions } from './config/validate-options.js';
import { createGateway, GRAPHQL_ENDPOINT, type Gateway } from './create-gateway.js';
import { importEmulator } from './embedded-emulator.js';
import { gracefulCloser } from './http/graceful-close.js';
import { createJsonLogger, type Logger } from './log/logger.js';

/** A listening gateway, from {@link startGateway}. */
export interface RunningGateway {
  /** Base URL, e.g. `http://127.0.0.1:4000` (a wildcard host is reported as 127.0.0.1). */
  url: string;
  port: number;
  /** The embedded emulator's URL, when one was started because no upstream was given. */
  emulatorUrl: string | undefined;
  gateway: Gateway;
  logger: Logger;
  /**
   * Stops accepting connections, waits for requests in flight (up to `shutdownTimeoutMs`),
   * then releases the upstream client and stops the embedded emulator. Safe to call twice.
   */
  close(): Promise<void>;
}

/**
 * Starts the gateway on a port. Without `visionEndpoint`, starts the emulator in-process on a
 * loopback port with a random key and logs its URL (never the key).
 * @throws {ConfigError} when an option is invalid (the message names it).
 * @example
 * const gw = await startGateway({ port: 0 });
 * await fetch(`${gw.url}/graphql`, { method: 'POST', ... });
 * await gw.close();
 */
export async function startGateway(options: StartGatewayOptions = {}): Promise<RunningGateway> {
  validateOptions(options);
  const embedded = options.visionEndpoint === undefined;
  const visionKey = options.visionKey ?? randomBytes(24).toString('base64url');
  const logger =
    options.logger ?? createJsonLogger({ level: options.logLevel ?? 'info', secrets: [visionKey] });

  let emulator: { url: string; close(): Promise<void> } | undefined;
  let visionEndpoint = options.visionEndpoint;
  if (visionEndpoint === undefined) {
    const { startEmulator } = await importEmulator();
    emulator = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      key: visionKey,
      allowPrivateUrls: options.allowPrivateUrls ?? false,
      logger,
    });
    visionEndpoint = emulator.url;
    logger.info('embedded emulator started (no VISION_ENDPOINT set)', {
      emulatorUrl: emulator.url,
      imageUrls: options.allowPrivateUrls
        ? 'loopback and private addresses allowed (EMULATOR_ALLOW_PRIVATE_URLS: local development only)'
        : 'public addresses only',
    });
  }

  let gateway: Gateway;
  try {
    gateway = createGateway({ ...options, visionEndpoint, visionKey, logger });
  } catch (error) {
    await emulator?.close();
    throw error;
  }
  // Shared state is used as soon as Redis answers; a Redis still down does not stop the start
  // (requests are answered without it and it is picked up when it comes back).
  if (gateway.store && !(await gateway.store.whenReady(5_000))) {
    logger.warn('store not reachable yet: starting without it');
  }
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.server };
  const server = createServer(
    {
      // Slow clients: headers must arrive within headersTimeoutMs and the whole request within
      // requestTimeoutMs (answered 408); checked every second rather than Node's 30 s.
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: 1_000,
    },
    gateway.handler,
  );
  // Connections over the cap are closed as they arrive, before any request is read.
  server.maxConnections = limits.maxConnections;
  const closeServer = gracefulCloser(server);

  const host = options.host ?? DEFAULT_HOST;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await gateway.close();
    await emulator?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${displayHost(host)}:${port}`;
  logger.info('gateway listening', {
    url,
    graphql: `${url}${GRAPHQL_ENDPOINT}`,
    upstream: embedded ? 'embedded emulator' : originOf(visionEndpoint),
  });

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    emulatorUrl: emulator?.url,
    gateway,
    logger,
    close() {
      closed ??= (async () => {
        await closeServer(options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
        await gateway.close();
        await emulator?.close();
      })();
      return closed;
    },
  };
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

// Logged instead of the configured string: an endpoint could carry credentials in its userinfo.
function originOf(endpoint: string): string {
  return new URL(endpoint).origin;
}
