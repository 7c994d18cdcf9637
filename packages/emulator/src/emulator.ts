// createEmulator builds the request handler and never listens; startEmulator listens.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClampingBackend } from './analysis/geometry/clamping-backend.js';
import { createLazyBackend } from './lazy-backend.js';
import { createMemoBackend } from './memo-backend.js';
import { resolveOptions, type EmulatorOptions } from './options.js';
import { createPipeline, type Handler } from './pipeline.js';
import { createOperationStore } from './read/operation-store.js';

export interface Emulator {
  /** Node request listener: `http.createServer(emulator.handler)`. */
  handler: Handler;
  /** Stops background reads and releases models (not a backend passed in `options.backend`). */
  close(): Promise<void>;
}

export interface RunningEmulator {
  /** Base URL without a version, e.g. `http://127.0.0.1:5000`. */
  url: string;
  /** The subscription key the emulator accepts. */
  key: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Builds the emulator without listening.
 * @throws EmulatorOptionsError naming the first invalid option.
 * @example http.createServer(createEmulator({ key: 'k' }).handler).listen(5000)
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const resolved = resolveOptions(options);
  const lazy = createLazyBackend(resolved.analysis);
  const backend = createClampingBackend(
    resolved.backend ??
      (resolved.analysisMemo ? createMemoBackend(lazy, resolved.analysisMemo) : lazy),
  );
  const operations = createOperationStore(resolved);
  return {
    handler: createPipeline({ options: resolved, backend, operations }),
    async close() {
      operations.close();
      if (!resolved.backend) await backend.close();
    },
  };
}

/**
 * Starts an emulator on `options.host`:`options.port` (defaults 127.0.0.1:5000; port 0 picks one).
 * @example const emu = await startEmulator({ port: 0 }); fetch(`${emu.url}/vision/v3.2/models`, { headers: { 'Ocp-Apim-Subscription-Key': emu.key } })
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const emulator = createEmulator(options);
  const server = createServer(emulator.handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost =
    resolved.host === '0.0.0.0' || resolved.host === '::' ? '127.0.0.1' : resolved.host;
  const hostPart = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  return {
    url: `http://${hostPart}:${port}`,
    key: resolved.key,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await emulator.close();
    },
  };
}
