// One attack of the abuse list, and the loop that runs a list of them against one gateway,
// timing each and measuring how much the gateway process grew while it ran.
import { samplePeak, type GatewayChild } from './gateway-child.js';
import type { ImageHost } from './image-host.js';

export interface AttackContext {
  /** The gateway as `pnpm start` runs it (embedded emulator). */
  gateway: GatewayChild;
  /** The private service and redirector (see image-host.ts). */
  host: ImageHost;
  /** The checkout whose gateway is under test, for attacks that start their own. */
  checkout: string;
}

export interface Observation {
  /** What happened, in a few words, as the table shows it. */
  observed: string;
  /** Whether it is what `expected` says. */
  ok: boolean;
}

export interface Attack {
  name: string;
  expected: string;
  /**
   * Generous bounds (an order of magnitude above a normal answer) that a bomb breaks: the
   * answer must come within `ms`, and the gateway's RSS may grow by at most `mb` meanwhile.
   */
  bound: { ms: number; mb: number };
  run(ctx: AttackContext): Promise<Observation>;
}

export interface AttackRow {
  attack: string;
  expected: string;
  observed: string;
  ok: boolean;
  ms: number;
  rssDeltaMb: number;
  withinBounds: boolean;
}

export async function runAttack(ctx: AttackContext, attack: Attack): Promise<AttackRow> {
  const before = ctx.gateway.rssMb();
  const peak = samplePeak(() => ctx.gateway.rssMb());
  const started = performance.now();
  let observation: Observation;
  try {
    observation = await attack.run(ctx);
  } catch (error) {
    const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
    const why = cause ? ` (${cause.code ?? cause.message})` : '';
    observation = { observed: `no answer: ${(error as Error).message}${why}`, ok: false };
  }
  const ms = performance.now() - started;
  const rssDeltaMb = Math.max(0, peak.stop() - before);
  // Give an exit that is under way the moment to be noticed.
  await new Promise((resolve) => setTimeout(resolve, 10));
  const died = ctx.gateway.exit();
  if (died !== undefined) {
    const last = ctx.gateway.stderr().trim().split('\n').slice(-3).join(' / ').slice(0, 200);
    observation = { observed: `gateway died (${died}): ${last}`, ok: false };
  }
  return {
    attack: attack.name,
    expected: attack.expected,
    observed: observation.observed,
    ok: observation.ok,
    ms,
    rssDeltaMb,
    withinBounds: ms <= attack.bound.ms && rssDeltaMb <= attack.bound.mb,
  };
}
