import { createClient } from 'redis';
import type { Logger } from '../log/logger.js';

/** Options of the shared Redis store (`store` in the gateway options, `REDIS_*` in the env). */
export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). Never logged whole. */
  url: string;
  /** Prefix of every key and channel, so several deployments can share one Redis. @default 'visiongraph:' */
  keyPrefix?: string;
  /**
   * Longest wait for one Redis command, in ms. Past it the gateway goes on without the store
   * (calls upstream directly) and leaves it alone for `retryMs`.
   * @default 1000
   */
  timeoutMs?: number;
  /** How long the store is skipped after a failed or slow command, in ms. @default 1000 */
  retryMs?: number;
  /**
   * How long a fetch's lease lives without renewal, in ms. The owner renews it while it works;
   * a replica that died holding one is taken over after at most this long.
   * @default 10000
   */
  leaseMs?: number;
}

export const STORE_DEFAULTS = {
  keyPrefix: 'visiongraph:',
  timeoutMs: 1_000,
  retryMs: 1_000,
  leaseMs: 10_000,
} as const;

export type ResolvedStoreOptions = Required<RedisStoreOptions>;

/** What the store reports, for metrics. */
export interface StoreObserver {
  /** A command failed or timed out (`operation` is a fixed name such as `get` or `claim`). */
  storeError(operation: string): void;
  /** The store is usable (1) or being skipped (0). */
  storeUp(up: boolean): void;
}

type Client = ReturnType<typeof createClient>;

/** A message from the store's one pub/sub channel: `<kind> <payload>`. */
export type StoreListener = (kind: string, payload: string) => void;

export interface RedisStore {
  readonly options: ResolvedStoreOptions;
  /**
   * Runs `fn` on the client unless the store is down or paused; resolves `undefined` then, or
   * when `fn` fails (the failure is counted and logged once per outage). Never rejects.
   */
  run<T>(operation: string, fn: (client: Client) => Promise<T>): Promise<T | undefined>;
  /** `run` without waiting for it: for writes nobody waits on (its failures are counted). */
  runInBackground(operation: string, fn: (client: Client) => Promise<unknown>): void;
  /** Publishes `<kind> <payload>` to every replica (best effort). */
  publish(kind: string, payload: string): Promise<void>;
  /** Adds a listener of the channel; returns the function that removes it. */
  listen(listener: StoreListener): () => void;
  /** For /readyz: a PING within the command timeout. */
  health(): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Resolves once both connections are ready, or after `waitMs` (never rejects). */
  whenReady(waitMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export function resolveStoreOptions(options: RedisStoreOptions): ResolvedStoreOptions {
  return {
    url: options.url,
    keyPrefix: options.keyPrefix ?? STORE_DEFAULTS.keyPrefix,
    timeoutMs: options.timeoutMs ?? STORE_DEFAULTS.timeoutMs,
    retryMs: options.retryMs ?? STORE_DEFAULTS.retryMs,
    leaseMs: options.leaseMs ?? STORE_DEFAULTS.leaseMs,
  };
}

/**
 * Two connections to the shared Redis (commands, and pub/sub for finished fetches). Commands are
 * never queued while disconnected and each has a timeout, so a Redis that is down or slow costs
 * a request at most `timeoutMs` once, then nothing for `retryMs`. node-redis reconnects by
 * itself, so recovery needs no restart.
 */
export function createRedisStore(
  input: RedisStoreOptions,
  logger: Logger,
  observer?: StoreObserver,
): RedisStore {
  const options = resolveStoreOptions(input);
  const connect = (): Client => {
    const client = createClient({
      url: options.url,
      // Nothing queues while disconnected: a command then fails at once.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: Math.max(options.timeoutMs, 1_000),
        // Back off up to 2 s between attempts, forever: Redis coming back must be noticed.
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
      },
    });
    // Without a listener node-redis would throw connection errors at the process.
    client.on('error', () => undefined);
    return client;
  };
  const client = connect();
  const subscriber = connect();
  const channel = `${options.keyPrefix}events`;
  const listeners = new Set<StoreListener>();

  let pausedUntil = 0;
  let up = false;
  let closed = false;
  const setUp = (next: boolean, error?: unknown) => {
    if (next === up || closed) return;
    up = next;
    observer?.storeUp(next);
    if (next) logger.info('store available: sharing cache, in-flight work and rate limit');
    else
      logger.warn('store unavailable: answering without it (upstream called directly)', {
        store: redisOrigin(options.url),
        error: error instanceof Error ? error.message : String(error),
      });
  };
  client.on('ready', () => {
    pausedUntil = 0;
    setUp(true);
  });
  client.on('end', () => setUp(false, 'connection closed'));
  client.on('reconnecting', () => setUp(false, 'connection lost'));
  subscriber.on('ready', () => {
    // Re-subscribing on every (re)connect is harmless and keeps the channel after an outage.
    subscriber
      .subscribe(channel, (message) => {
        const space = message.indexOf(' ');
        const kind = space === -1 ? message : message.slice(0, space);
        const payload = space === -1 ? '' : message.slice(space + 1);
        for (const listener of listeners) listener(kind, payload);
      })
      .catch(() => undefined);
  });
  const connecting = Promise.all([client.connect(), subscriber.connect()]).then(
    () => true,
    () => false,
  );

  const store: RedisStore = {
    options,
    async run(operation, fn) {
      if (closed || !client.isReady || Date.now() < pausedUntil) return undefined;
      try {
        const result = await withTimeout(fn(client), options.timeoutMs);
        setUp(true);
        return result;
      } catch (error) {
        observer?.storeError(operation);
        pausedUntil = Date.now() + options.retryMs;
        setUp(false, error);
        return undefined;
      }
    },
    runInBackground(operation, fn) {
      store.run(operation, fn).then(
        () => undefined,
        () => undefined,
      );
    },
    async publish(kind, payload) {
      await store.run('publish', (c) => c.publish(channel, `${kind} ${payload}`));
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async health() {
      if (!client.isReady) return { ok: false, reason: 'disconnected' };
      try {
        await withTimeout(client.ping(), options.timeoutMs);
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    async whenReady(waitMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
      });
      const ready = await Promise.race([connecting, timeout]);
      clearTimeout(timer);
      return ready && client.isReady;
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      // destroy(): no waiting on a Redis that may be gone.
      for (const c of [client, subscriber]) if (c.isOpen) c.destroy();
    },
  };
  return store;
}

/**
 * node-redis's own command timeout only covers commands not yet written; a Redis that stopped
 * answering would hold the rest forever. The late reply is still read (replies stay in order).
 */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // setImmediate: after a busy spell the timer and the reply are due in the same loop turn,
    // and timers run before I/O; this lets a reply already received win.
    timer = setTimeout(
      () => setImmediate(() => reject(new Error(`no answer from Redis within ${ms} ms`))),
      ms,
    );
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** host:port only: a Redis URL may carry a password. */
export function redisOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(invalid URL)';
  }
}
