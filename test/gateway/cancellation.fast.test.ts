// Work nobody waits for is stopped: a client that disconnects, or a request past the gateway's
// execution timeout, aborts the upstream calls no other request shares, and read polling stops.
// A request that shares a read with another one leaves without stopping it.
import { startEmulator, type RequestInfo } from '@visiongraph/emulator';
import { startGateway, type RunningGateway } from '@visiongraph/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubEmulator, TEST_KEY, type GraphQLResult } from './helpers/stack.js';

const calls: RequestInfo[] = [];
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let gateway: RunningGateway;
let impatient: RunningGateway;

beforeAll(async () => {
  // Each read stays `running` for 20 polls (about 2 s at core's 100 ms poll floor).
  emulator = await startEmulator({
    ...stubEmulator(), // no models: the reads' timing is what matters here
    port: 0,
    key: TEST_KEY,
    onRequest: (info) => calls.push(info),
    readProgression: { notStarted: { polls: 0 }, running: { polls: 20 } },
  });
  const common = {
    port: 0,
    host: '127.0.0.1',
    visionEndpoint: emulator.url,
    visionKey: TEST_KEY,
    vision: { polling: { initialDelayMs: 20, intervalMs: 20 } },
    logLevel: 'error' as const,
  };
  [gateway, impatient] = await Promise.all([
    startGateway(common),
    startGateway({ ...common, executionTimeoutMs: 300 }),
  ]);
});
afterAll(async () => {
  await Promise.all([gateway.close(), impatient.close()]);
  await emulator.close();
});

const polls = () => calls.filter((c) => c.operation === 'getReadResult').length;
const reads = () => calls.filter((c) => c.operation === 'read').length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await sleep(25);
  expect(condition()).toBe(true);
}

/** A text query for one example image; `n` makes each test's image URL its own cache entry. */
function textQuery(gw: RunningGateway, n: number): string {
  return JSON.stringify({
    query: `{ image(url: "${gw.url}/examples/tjs-testocr.png?case=${n}") { text { text } } }`,
  });
}
function post(gw: RunningGateway, body: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${gw.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    ...(signal && { signal }),
  });
}

describe('cancellation', () => {
  it('stops polling the read when the client disconnects', async () => {
    const before = { reads: reads(), polls: polls() };
    const client = new AbortController();
    const pending = post(gateway, textQuery(gateway, 1), client.signal).catch(() => undefined);
    await until(() => polls() >= before.polls + 2);
    client.abort();
    await pending;
    await sleep(300); // a poll already on the wire may still land
    const settled = polls();
    await sleep(600);
    expect(polls()).toBe(settled);
    expect(reads()).toBe(before.reads + 1);
    // Far fewer polls than the 20 a finished read needs.
    expect(settled - before.polls).toBeLessThan(12);
  });

  it('answers ABORTED once the execution timeout passes, and stops polling', async () => {
    const before = polls();
    const started = performance.now();
    const res = await post(impatient, textQuery(impatient, 2));
    const elapsed = performance.now() - started;
    const body = (await res.json()) as GraphQLResult;
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['image.text', 'ABORTED'],
    ]);
    expect(body.errors?.[0]?.message).toBe(
      'The request was cancelled before the vision service answered.',
    );
    expect(elapsed).toBeLessThan(5_000);
    await sleep(300);
    const settled = polls();
    await sleep(600);
    expect(polls()).toBe(settled);
    expect(settled - before).toBeLessThan(12);
  });

  it('keeps a read another request still waits for, and submits it once', async () => {
    const before = reads();
    const body = textQuery(gateway, 3);
    const leaving = new AbortController();
    const first = post(gateway, body, leaving.signal).catch(() => undefined);
    await until(() => reads() === before + 1);
    const second = post(gateway, body);
    await sleep(200);
    leaving.abort();
    await first;
    const answer = (await (await second).json()) as GraphQLResult;
    expect(answer.errors).toBeUndefined();
    // The read ran to its end: the stub's page has no lines, so the text is empty.
    expect(answer.data).toEqual({ image: { text: { text: '' } } });
    expect(reads()).toBe(before + 1);
  });
});
