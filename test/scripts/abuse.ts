// The fault-and-abuse table: `pnpm --filter @visiongraph/test abuse [-- --checkout DIR]`.
// Runs the fault storms against a gateway pointed at the fault proxy, then the abuse list
// against a gateway started as `pnpm start` starts it, and prints both tables. DIR is any built
// checkout of this repository (default: this one), so the same attacks measure an older commit.
import { parseArgs } from 'node:util';
import { runAttack, type AttackRow } from '../harness/attack.js';
import { ABUSE_LIST } from '../harness/abuse-list.js';
import {
  startGatewayProcess,
  startGatewayWithOptions,
  THIS_CHECKOUT,
} from '../harness/gateway-child.js';
import { startImageHost } from '../harness/image-host.js';
import { runStorm, STORMS, stormGatewayOptions, type StormResult } from '../harness/storm.js';
import { attackTable, stormTable } from '../harness/table.js';
import { startUpstream } from '../harness/upstream.js';

const { values } = parseArgs({
  // pnpm 10 hands a `--` separator through to the script.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    checkout: { type: 'string', default: THIS_CHECKOUT },
    queries: { type: 'string', default: '16' },
    seed: { type: 'string', default: '20261202' },
    only: { type: 'string' },
  },
});
const checkout = values.checkout;
const queries = Number(values.queries);
const seed = Number(values.seed);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function storms(): Promise<string> {
  const upstream = await startUpstream();
  const gateway = await startGatewayWithOptions(checkout, stormGatewayOptions(upstream.proxy.url));
  const baseline = gateway.rssMb();
  const results: StormResult[] = [];
  try {
    for (const [i, spec] of STORMS.entries()) {
      log(`storm: ${spec.name}`);
      results.push(
        await runStorm(gateway, upstream, spec, { queries, seed: seed + i, firstImage: i * 1_000 }),
      );
    }
  } finally {
    await gateway.close();
    await upstream.close();
  }
  const rejections = gateway.unhandledRejections();
  return [
    `### Fault storms (${queries} concurrent queries each, seed ${seed}; gateway RSS at start ${baseline.toFixed(0)} MB)`,
    '',
    stormTable(results, baseline),
    '',
    `Unhandled rejections: ${rejections.length}${rejections.length ? ` (${rejections.slice(0, 3).join('; ')})` : ''}. ` +
      `Gateway exit: ${gateway.exit() === 0 ? 'clean (0) after SIGTERM' : String(gateway.exit())}.`,
  ].join('\n');
}

async function attacks(): Promise<string> {
  const host = await startImageHost();
  const gateway = await startGatewayProcess(checkout);
  const rows: AttackRow[] = [];
  const baseline = gateway.rssMb();
  try {
    for (const attack of ABUSE_LIST) {
      log(`attack: ${attack.name}`);
      rows.push(await runAttack({ gateway, host, checkout }, attack));
    }
  } finally {
    await gateway.close();
    await host.close();
  }
  const failed = rows.filter((r) => !r.ok || !r.withinBounds).length;
  const rejections = gateway.unhandledRejections();
  return [
    `### Abuse list (gateway as \`pnpm start\` runs it; RSS at start ${baseline.toFixed(0)} MB)`,
    '',
    attackTable(rows),
    '',
    `${rows.length - failed}/${rows.length} as expected and within bounds. Unhandled rejections: ${rejections.length}.`,
  ].join('\n');
}

const started = performance.now();
const out: string[] = [`## Fault and abuse suite against ${checkout}`, ''];
if (values.only !== 'attacks') out.push(await storms(), '');
if (values.only !== 'storms') out.push(await attacks(), '');
out.push(`Total ${((performance.now() - started) / 1_000).toFixed(0)} s.`);
process.stdout.write(`${out.join('\n')}\n`);
