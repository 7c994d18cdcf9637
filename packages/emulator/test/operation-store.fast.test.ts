// The read operation store on its own, on a virtual clock: stage progression, TTLs, bounds on
// running reads, kept operations and result bytes. (The HTTP side is in read-operations.test.ts.)
import { describe, expect, it } from 'vitest';
import { createOperationStore } from '../src/read/operation-store.js';

describe('operation store', () => {
  it('holds each stage for its polls and milliseconds, and forgets results after the TTL', async () => {
    let now = 1_000;
    const store = createOperationStore(
      {
        readResultTtlMs: 10_000,
        readProgression: { notStarted: { polls: 2, ms: 0 }, running: { polls: 0, ms: 500 } },
      },
      () => now,
    );
    const id = store.start('v3.2', 'm', async () => []);
    await new Promise((r) => setTimeout(r, 0));
    const seen = [
      store.poll('v3.2', id)!.status,
      store.poll('v3.2', id)!.status,
      store.poll('v3.2', id)!.status,
    ];
    expect(seen).toEqual(['notStarted', 'notStarted', 'running']);
    now += 499;
    expect(store.poll('v3.2', id)!.status).toBe('running');
    now += 1;
    expect(store.poll('v3.2', id)!.status).toBe('succeeded');
    now += 10_000;
    expect(store.poll('v3.2', id)).toBeUndefined();
    store.close();
  });

  it('reports failed when the work throws', async () => {
    const store = createOperationStore({
      readResultTtlMs: 1_000,
      readProgression: { notStarted: { polls: 0, ms: 0 }, running: { polls: 0, ms: 0 } },
    });
    const id = store.start('v1.0', 'm', async () => {
      throw new Error('unreadable');
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.poll('v1.0', id)!.status).toBe('failed');
    store.close();
  });

  const quick = { notStarted: { polls: 0, ms: 0 }, running: { polls: 0, ms: 0 } };
  const never = () => new Promise<never>(() => undefined);
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('answers 429 with Retry-After while maxRunning reads run', async () => {
    const store = createOperationStore({
      readResultTtlMs: 60_000,
      readProgression: quick,
      readLimits: { maxRunning: 2, maxOperations: 100, maxResultBytes: 1_000_000 },
    });
    let finish!: (pages: []) => void;
    store.start('v3.2', 'm', () => new Promise((r) => (finish = r)));
    store.start('v3.2', 'm', never);
    let refusal: unknown;
    try {
      store.start('v3.2', 'm', never);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toMatchObject({ status: 429, code: '429', headers: { 'Retry-After': '2' } });
    finish([]);
    await tick();
    expect(store.size.running).toBe(1);
    expect(() => store.start('v3.2', 'm', never)).not.toThrow();
    store.close();
  });

  it('forgets the oldest operation beyond maxOperations and aborts its work', async () => {
    const store = createOperationStore({
      readResultTtlMs: 60_000,
      readProgression: quick,
      readLimits: { maxRunning: 10, maxOperations: 2, maxResultBytes: 1_000_000 },
    });
    let oldestSignal!: AbortSignal;
    const oldest = store.start('v3.2', 'm', (signal) => ((oldestSignal = signal), never()));
    const second = store.start('v3.2', 'm', async () => []);
    const third = store.start('v3.2', 'm', async () => []);
    await tick();
    expect(store.poll('v3.2', oldest)).toBeUndefined();
    expect(oldestSignal.aborted).toBe(true);
    expect([store.poll('v3.2', second)?.status, store.poll('v3.2', third)?.status]).toEqual([
      'succeeded',
      'succeeded',
    ]);
    expect(store.size).toEqual({ operations: 2, running: 0, bytes: 4 });
    store.close();
  });

  it('keeps result bytes under maxResultBytes, oldest first; a result over it alone fails', async () => {
    const page = (text: string) => [{ page: 1, text }] as never;
    const bytesOf = (text: string) => JSON.stringify(page(text)).length;
    const limit = 2 * bytesOf('x'.repeat(100)) + 10;
    const store = createOperationStore({
      readResultTtlMs: 60_000,
      readProgression: quick,
      readLimits: { maxRunning: 10, maxOperations: 100, maxResultBytes: limit },
    });
    const ids = ['a', 'b', 'c'].map((c) =>
      store.start('v3.2', 'm', async () => page(c.repeat(100))),
    );
    await tick();
    expect(ids.map((id) => store.poll('v3.2', id)?.status)).toEqual([
      undefined,
      'succeeded',
      'succeeded',
    ]);
    expect(store.size.bytes).toBe(2 * bytesOf('x'.repeat(100)));
    const huge = store.start('v3.2', 'm', async () => page('x'.repeat(limit)));
    await tick();
    expect(store.poll('v3.2', huge)?.status).toBe('failed');
    expect(store.size.operations).toBe(3);
    store.close();
  });

  it('drops expired operations as new ones arrive', async () => {
    let now = 0;
    const store = createOperationStore(
      { readResultTtlMs: 1_000, readProgression: quick },
      () => now,
    );
    store.start('v3.2', 'm', async () => []);
    store.start('v3.2', 'm', async () => []);
    now = 600;
    store.start('v3.2', 'm', async () => []);
    now = 1_000;
    store.start('v3.2', 'm', async () => []);
    expect(store.size.operations).toBe(2);
    store.close();
  });
});
