// Fault storms between the gateway (a child process built from this checkout) and an emulator
// on the stub backend, through the fault-injecting proxy. The same storms print their figures
// with `pnpm --filter @visiongraph/test abuse`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startGatewayWithOptions,
  THIS_CHECKOUT,
  type GatewayChild,
} from '../harness/gateway-child.js';
import {
  CALLS_PER_QUERY,
  runStorm,
  STORMS,
  stormGatewayOptions,
  type StormResult,
} from '../harness/storm.js';
import { startUpstream, type Upstream } from '../harness/upstream.js';

const QUERIES = 10;
/** Growth of the gateway's RSS over its size at start that any storm may cause. */
const RSS_GROWTH_MB = 150;

let upstream: Upstream;
let gateway: GatewayChild;
let baselineMb: number;
const results = new Map<number, StormResult>();

beforeAll(async () => {
  upstream = await startUpstream();
  gateway = await startGatewayWithOptions(THIS_CHECKOUT, stormGatewayOptions(upstream.proxy.url));
  baselineMb = gateway.rssMb();
});
afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

describe('the gateway under fault storms', () => {
  it.each(STORMS.map((spec, i) => [spec.name, spec, i] as const))(
    '%s: every query answered with data or coded errors, one read per text, rate held',
    async (_name, spec, i) => {
      const result = await runStorm(gateway, upstream, spec, {
        queries: QUERIES,
        seed: 1_000 + i,
        firstImage: i * 1_000,
      });
      results.set(i, result);
      expect(result.faults).toBeGreaterThan(0);
      expect(result.problems).toEqual([]);
      expect(result.answered).toBe(QUERIES);
      expect(result.duplicateReads).toBe(0);
      expect(result.peakPerSecond).toBeLessThanOrEqual(result.allowedPerSecond);
      expect(result.upstreamRequests).toBeLessThanOrEqual(result.allowedOverStorm);
      expect(result.rssPeakMb - baselineMb).toBeLessThan(RSS_GROWTH_MB);
      expect(gateway.exit()).toBeUndefined();
      expect(gateway.unhandledRejections()).toEqual([]);
    },
    60_000,
  );

  it('fails fast while the upstream is down: fewer requests reach it than calls were asked', () => {
    const down = results.get(STORMS.length - 1);
    expect(Object.keys(down?.errorsByCode ?? {})).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(down?.upstreamRequests).toBeLessThan(QUERIES * CALLS_PER_QUERY);
  });

  it('still answers clean queries once the upstream is back', async () => {
    // runStorm first waits out the breaker and closes it with one probe query.
    const calm = { name: 'calm', rules: [] };
    const result = await runStorm(gateway, upstream, calm, {
      queries: 4,
      seed: 1,
      firstImage: 99_000,
    });
    expect(result.problems).toEqual([]);
    expect(result.errorsByCode).toEqual({});
    expect(result.answered).toBe(4);
  });
});
