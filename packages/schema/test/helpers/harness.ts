import { createVisionClient, type VisionClient } from '@visiongraph/core';
import { type EmulatorOptions, type RequestInfo, startEmulator } from '@visiongraph/emulator';
import { type ExecutionResult, execute, parse, validate } from 'graphql';
import {
  type FeatureCache,
  createContext,
  createMemoryFeatureCache,
  schema,
} from '../../src/index.js';
import { type StaticServer, startStaticServer } from './static-server.js';

export interface Harness {
  client: VisionClient;
  emulatorUrl: string;
  images: StaticServer;
  /** Every upstream request the emulator received since the last `reset()`. */
  calls: RequestInfo[];
  /** Calls of one operation, e.g. `analyze`. */
  callsOf(operation: string): RequestInfo[];
  reset(): void;
  /** Validates and runs a document with a fresh context (new DataLoaders) over `cache`. */
  run(
    source: string,
    options?: { cache?: FeatureCache; variables?: Record<string, unknown>; urlTtlMs?: number },
  ): Promise<ExecutionResult>;
  close(): Promise<void>;
}

/**
 * The emulator over loopback HTTP, core's client, and a static server for test images.
 * `emulatorOptions` adds emulator options, e.g. `{ backend: createStubBackend() }` for the fast
 * tier's wiring tests (no models; answers follow from each image's size).
 */
export async function startHarness(emulatorOptions: EmulatorOptions = {}): Promise<Harness> {
  const calls: RequestInfo[] = [];
  // The test images come from a loopback server, so private addresses are opened.
  const emulator = await startEmulator({
    port: 0,
    allowPrivateUrls: true,
    onRequest: (info) => calls.push(info),
    ...emulatorOptions,
  });
  const images = await startStaticServer();
  const client = createVisionClient({
    endpoint: emulator.url,
    key: emulator.key,
    retry: { maxRetries: 0 },
    // The emulator's first analyze loads ML models on a busy 2-core machine.
    timeouts: { headersMs: 170_000, bodyMs: 170_000 },
    polling: { initialDelayMs: 20, intervalMs: 20, timeoutMs: 60_000 },
  });
  return {
    client,
    emulatorUrl: emulator.url,
    images,
    calls,
    callsOf: (operation) => calls.filter((c) => c.operation === operation),
    reset: () => void calls.splice(0),
    run: async (source, options = {}) => {
      const cache = options.cache ?? createMemoryFeatureCache();
      // Validate first, as every server does: literal argument errors come from validation.
      const document = parse(source);
      const errors = validate(schema, document);
      if (errors.length > 0) return { errors };
      return execute({
        schema,
        document,
        contextValue: createContext({
          client,
          cache,
          ...(options.urlTtlMs ? { urlTtlMs: options.urlTtlMs } : {}),
        }),
        variableValues: options.variables,
      });
    },
    close: async () => {
      await client.close();
      await images.close();
      await emulator.close();
    },
  };
}

/** The comma-separated query parameter as a sorted list (order is not part of the contract). */
export function listParam(info: RequestInfo, name: string): string[] {
  return (info.query[name] ?? '').split(',').filter(Boolean).sort();
}
