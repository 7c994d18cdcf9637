// Markdown tables of the abuse and storm results, as `pnpm --filter @visiongraph/test abuse`
// prints them.
import type { AttackRow } from './attack.js';
import type { StormResult } from './storm.js';

function markdown(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const seconds = (ms: number) =>
  ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
const mb = (value: number) => `${value.toFixed(1)} MB`;

export function attackTable(rows: AttackRow[]): string {
  return markdown(
    ['attack', 'expected', 'observed', 'time', 'RSS delta', 'verdict'],
    rows.map((r) => [
      r.attack,
      r.expected,
      r.observed,
      seconds(r.ms),
      mb(r.rssDeltaMb),
      r.ok && r.withinBounds ? 'ok' : r.ok ? 'OVER BOUND' : 'FAIL',
    ]),
  );
}

const byCode = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ') || '-';

export function stormTable(results: StormResult[], baselineRssMb: number): string {
  const rows = results.map((r) => [
    r.name,
    String(r.upstreamRequests),
    String(r.faults),
    `${r.answered}/${r.queries}`,
    byCode(r.errorsByCode),
    String(r.duplicateReads),
    `${r.peakPerSecond} (${r.allowedPerSecond})`,
    mb(r.rssPeakMb - baselineRssMb),
    seconds(r.ms),
    r.problems.length === 0 ? 'ok' : r.problems.slice(0, 2).join('; '),
  ]);
  const total = (pick: (r: StormResult) => number) => results.reduce((a, r) => a + pick(r), 0);
  const codes: Record<string, number> = {};
  for (const r of results) {
    for (const [code, n] of Object.entries(r.errorsByCode)) codes[code] = (codes[code] ?? 0) + n;
  }
  rows.push([
    'total',
    String(total((r) => r.upstreamRequests)),
    String(total((r) => r.faults)),
    `${total((r) => r.answered)}/${total((r) => r.queries)}`,
    byCode(codes),
    String(total((r) => r.duplicateReads)),
    '',
    '',
    seconds(total((r) => r.ms)),
    `${total((r) => r.problems.length)} problems`,
  ]);
  return markdown(
    [
      'fault storm',
      'upstream requests',
      'faults injected',
      'queries answered',
      'errors by code',
      'duplicate reads',
      'peak upstream req/s (allowed)',
      'RSS peak over start',
      'time',
      'verdict',
    ],
    rows,
  );
}
