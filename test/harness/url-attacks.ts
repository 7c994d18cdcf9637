// Image URLs an attacker sends hoping the gateway's fetcher reads something only the server can
// reach: every spelling of loopback, private, CGNAT, NAT64, link-local and metadata addresses,
// DNS names pointing there, redirects there, and non-http schemes. The refusal must come with
// INVALID_IMAGE (or BAD_USER_INPUT for a scheme the URL scalar refuses), without a connection
// attempt, and with a message that names no address, port or errno.
import type { Attack, AttackContext, Observation } from './attack.js';
import { codesOf, postQuery } from './graphql-http.js';
import { SECRET_WIDTH } from './image-host.js';

const WIDTH_QUERY = 'query Probe($url: URL!) { image(url: $url) { width } }';

/** What a fetch-failure message must not carry: addresses, ports, errnos, the host's answer. */
const LEAK =
  /\b\d{1,3}(\.\d{1,3}){3}\b|\[?[0-9a-f]*::[0-9a-f:.]*\]?|\bE[A-Z]{4,}\b|:\d{2,5}\b|answered HTTP|localhost|metadata|vg\.test|redirect/i;

async function probe(ctx: AttackContext, url: string, expectData: boolean): Promise<Observation> {
  const secretBefore = ctx.host.secretReads();
  const egressBefore = ctx.gateway.egress().length;
  const answer = await postQuery(ctx.gateway.url, WIDTH_QUERY, { url });
  const width = answer.body?.data?.['image']?.['width'];
  const codes = codesOf(answer);
  const egress = ctx.gateway.egress().slice(egressBefore);
  const secretRead = ctx.host.secretReads() > secretBefore;
  const notes: string[] = [];
  if (egress.length > 0) notes.push(`tried ${egress.join(' ')}`);
  if (secretRead && !expectData) notes.push('secret fetched');
  // Only fetch failures must be generic; a scheme the URL scalar refuses echoes the client's input.
  const leaked = (answer.body?.errors ?? [])
    .filter((e) => e.extensions?.['code'] === 'INVALID_IMAGE')
    .map((e) => [
      e.message,
      ...Object.values(e.extensions ?? {}).filter((v) => typeof v === 'string'),
    ])
    .flat()
    .join(' ')
    .match(LEAK)?.[0];
  if (leaked) notes.push(`error names "${leaked}"`);
  const what = typeof width === 'number' ? `data: width ${width}` : codes.join(',') || 'no data';
  const observed = [what, ...notes].join('; ');
  if (expectData) return { observed, ok: width === SECRET_WIDTH && codes.length === 0 };
  const refusedCleanly =
    width == null &&
    codes.length === 1 &&
    (codes[0] === 'INVALID_IMAGE' || codes[0] === 'BAD_USER_INPUT') &&
    egress.length === 0 &&
    !secretRead &&
    !leaked;
  return { observed, ok: refusedCleanly };
}

const REFUSED = 'INVALID_IMAGE, no connection, generic message';
const urlAttack = (name: string, url: (ctx: AttackContext) => string): Attack => ({
  name,
  expected: REFUSED,
  bound: { ms: 3_000, mb: 30 },
  run: (ctx) => probe(ctx, url(ctx), false),
});

let probes = 0;
/**
 * `http://<host>:<image host port>/secret.png?probe=<n>`: a query string of its own, so no
 * cache (the gateway's or the upstream's) answers a spelling from an earlier one.
 */
const secret = (host: string) => (ctx: AttackContext) =>
  `http://${host}:${ctx.host.port}/secret.png?probe=${(probes += 1)}`;
/** The same, through the public host's redirector. */
const redirected = (target: (ctx: AttackContext) => string) => (ctx: AttackContext) =>
  `http://public.vg.test:${ctx.host.port}/redirect?to=${encodeURIComponent(target(ctx))}`;

export const URL_ATTACKS: Attack[] = [
  {
    name: 'public address (control)',
    expected: `data: width ${SECRET_WIDTH}`,
    // The first image the embedded emulator sees: it loads its decoders.
    bound: { ms: 5_000, mb: 100 },
    run: (ctx) => probe(ctx, secret('public.vg.test')(ctx), true),
  },
  urlAttack('loopback 127.0.0.1', secret('127.0.0.1')),
  urlAttack('localhost', secret('localhost')),
  urlAttack('localhost. (trailing dot)', secret('localhost.')),
  urlAttack('127.0.0.1. (trailing dot)', secret('127.0.0.1.')),
  urlAttack('127.1 (short form)', secret('127.1')),
  urlAttack('2130706433 (decimal)', secret('2130706433')),
  urlAttack('0177.0.0.1 (octal)', secret('0177.0.0.1')),
  urlAttack('0x7f.0.0.1 (hex)', secret('0x7f.0.0.1')),
  urlAttack('0x7f000001 (hex, one number)', secret('0x7f000001')),
  urlAttack('0.0.0.0', secret('0.0.0.0')),
  urlAttack('[::1]', secret('[::1]')),
  urlAttack('[::ffff:127.0.0.1] (IPv4-mapped)', secret('[::ffff:127.0.0.1]')),
  urlAttack('[::ffff:7f00:1] (IPv4-mapped, hex)', secret('[::ffff:7f00:1]')),
  urlAttack('[64:ff9b::7f00:1] (NAT64)', secret('[64:ff9b::7f00:1]')),
  urlAttack('name resolving to 127.0.0.1', secret('rebind.vg.test')),
  urlAttack('redirect to 127.0.0.1', redirected(secret('127.0.0.1'))),
  urlAttack(
    'redirect to 169.254.169.254',
    redirected(() => 'http://169.254.169.254/latest/'),
  ),
  urlAttack(
    'redirect to file:///etc/passwd',
    redirected(() => 'file:///etc/passwd'),
  ),
  urlAttack('169.254.169.254 (metadata)', () => 'http://169.254.169.254/latest/meta-data/'),
  urlAttack('[::ffff:169.254.169.254]', () => 'http://[::ffff:169.254.169.254]/latest/'),
  urlAttack('metadata.google.internal', () => 'http://metadata.google.internal/computeMetadata/'),
  urlAttack('168.63.129.16 (Azure host agent)', () => 'http://168.63.129.16/machine'),
  urlAttack('[fe80::1] (link-local)', () => 'http://[fe80::1]/x.png'),
  urlAttack('10.0.0.1 (private)', () => 'http://10.0.0.1/x.png'),
  urlAttack('172.16.0.1 (private)', () => 'http://172.16.0.1/x.png'),
  urlAttack('192.168.0.1 (private)', () => 'http://192.168.0.1/x.png'),
  urlAttack('100.64.0.1 (CGNAT)', () => 'http://100.64.0.1/x.png'),
  urlAttack('[fd00::1] (unique-local)', () => 'http://[fd00::1]/x.png'),
  {
    name: 'file:///etc/passwd',
    expected: 'BAD_USER_INPUT, nothing fetched',
    bound: { ms: 1_000, mb: 20 },
    run: (ctx) => probe(ctx, 'file:///etc/passwd', false),
  },
  {
    name: 'gopher://127.0.0.1',
    expected: 'BAD_USER_INPUT, nothing fetched',
    bound: { ms: 1_000, mb: 20 },
    run: (ctx) => probe(ctx, `gopher://127.0.0.1:${ctx.host.port}/_x`, false),
  },
];
