import { afterAll, beforeAll } from 'vitest';
import {
  createJsonLogger,
  startGateway,
  type RunningGateway,
  type StartGatewayOptions,
} from '@visiongraph/gateway';
import {
  createStubBackend,
  startEmulator,
  type EmulatorOptions,
  type RequestInfo,
} from '@visiongraph/emulator';

/**
 * Emulator options of the fast tier: the stub backend (no models). Its answers follow from each
 * image's size and format by fixed rules (packages/emulator/src/stub-backend.ts), so tests of
 * HTTP, parameters, batching and wiring can expect exact values.
 */
export const stubEmulator = (): EmulatorOptions => ({ backend: createStubBackend() });

/** A distinctive key, so a test can search every log line and response for it. */
export const TEST_KEY = 'vg-test-key-7c1e93b4d2a5f608';

export interface GraphQLResult {
  data?: Record<string, any> | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown>;
  }>;
  extensions?: Record<string, unknown>;
}

export interface Stack {
  gateway: RunningGateway;
  emulatorUrl: string;
  /** Every request the emulator received (routes only), in order. */
  calls: RequestInfo[];
  /** Every log line the gateway wrote, parsed. */
  logs: Array<Record<string, any>>;
  /** Raw log text, to search for secrets. */
  rawLogs: string[];
  /** URL of an example image as the emulator fetches it: from the gateway's own /examples/. */
  image(file: string): string;
  /** POSTs a JSON GraphQL request; returns status and parsed body. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphQLResult }>;
  /** Like `gql`, plus the emulator calls made while it ran. */
  gqlWithCalls(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphQLResult; calls: RequestInfo[] }>;
  /** Emulator calls made while `fn` ran. */
  callsDuring(fn: () => Promise<unknown>): Promise<RequestInfo[]>;
  close(): Promise<void>;
}

/**
 * The real stack over loopback HTTP: the emulator on a free port, the gateway on another,
 * pointed at it. Read polling is shortened so text queries take milliseconds, not seconds.
 * `emulatorOptions` adds emulator options, e.g. `stubEmulator()` for wiring tests.
 */
export async function startStack(
  options: Partial<StartGatewayOptions> = {},
  emulatorOptions: EmulatorOptions = {},
): Promise<Stack> {
  const calls: RequestInfo[] = [];
  const rawLogs: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    key: TEST_KEY,
    onRequest: (info) => calls.push(info),
    ...emulatorOptions,
  });
  // No `secrets` here: the test must see whether the gateway ever hands the key to its logger.
  const logger = createJsonLogger({ level: 'debug', write: (line) => rawLogs.push(line) });
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    visionEndpoint: emulator.url,
    visionKey: TEST_KEY,
    logger,
    vision: { polling: { initialDelayMs: 20, intervalMs: 20 } },
    ...options,
  });
  const stack: Stack = {
    gateway,
    emulatorUrl: emulator.url,
    calls,
    rawLogs,
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as Record<string, any>);
    },
    image: (file) => `${gateway.url}/examples/${file}`,
    async gql(query, variables) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResult };
    },
    async gqlWithCalls(query, variables) {
      const before = calls.length;
      const result = await stack.gql(query, variables);
      return { ...result, calls: calls.slice(before) };
    },
    async callsDuring(fn) {
      const before = calls.length;
      await fn();
      return calls.slice(before);
    },
    async close() {
      await gateway.close();
      await emulator.close();
    },
  };
  return stack;
}

/** Counts calls by emulator operation name, e.g. `{ analyze: 2 }`. */
export function countByOperation(calls: RequestInfo[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) counts[call.operation] = (counts[call.operation] ?? 0) + 1;
  return counts;
}

/** The comma-separated query parameter as a sorted list (`visualFeatures`, `details`). */
export function listParam(call: RequestInfo | undefined, name: string): string[] {
  const value = call?.query[name];
  return value ? value.split(',').sort() : [];
}

/**
 * One stack for the whole test file: started before its tests, closed after them. The returned
 * object stands for the stack once it has started.
 */
export function useStack(
  options: Partial<StartGatewayOptions> = {},
  emulatorOptions: EmulatorOptions = {},
): Stack {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack(options, emulatorOptions);
  });
  afterAll(async () => {
    await stack?.close();
  });
  return new Proxy({} as Stack, {
    get(_target, property) {
      if (!stack) throw new Error('the stack is not started yet (use it inside a test)');
      return Reflect.get(stack, property);
    },
  });
}
