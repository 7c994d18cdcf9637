// Which hosts an image URL may point at. Closed by default: only public addresses are fetched,
// so a client cannot read services that only this machine or its network can reach. Loopback,
// private, CGNAT, unique-local and translation ranges open with `allowPrivateUrls` (for local
// development); link-local and cloud metadata endpoints never open (they hand out credentials
// to anything on the machine).
import {
  type AddressRange,
  inRange,
  lowIpv4,
  type ParsedAddress,
  parseAddress,
  parseRange,
} from './ip-address.js';

export interface HostPolicy {
  /** Open loopback, private and other non-public ranges (never link-local or metadata). */
  allowPrivate: boolean;
  /** When set, only these host names (exact, or `*.example.com` for subdomains). */
  allowedHosts: string[] | undefined;
}

/** Never fetched, whatever the options say. */
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.com',
  'instance-data',
  'instance-data.ec2.internal',
]);

const ranges = (cidrs: string[]): AddressRange[] => cidrs.map(parseRange);

const NEVER = ranges([
  '169.254.0.0/16', // link-local; 169.254.169.254 is the AWS/Azure/GCP metadata service
  '168.63.129.16/32', // Azure's host agent (wireserver)
  '100.100.100.200/32', // Alibaba Cloud metadata
  'fe80::/10', // IPv6 link-local
  'fd00:ec2::254/128', // AWS metadata over IPv6
]);

const NOT_PUBLIC = ranges([
  '0.0.0.0/8', // "this network"; 0.0.0.0 reaches loopback on Linux
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8',
  '172.16.0.0/12',
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16',
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation
  '203.0.113.0/24', // documentation
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, broadcast
  '::/128',
  '::1/128',
  '64:ff9b:1::/48', // local-use NAT64
  '100::/64', // discard
  '2001::/32', // Teredo
  '2001:db8::/32', // documentation
  'fc00::/7', // unique-local
  'fec0::/10', // old site-local
  'ff00::/8', // multicast
]);

// IPv6 ranges that carry an IPv4 address: the carried address is checked too.
const MAPPED = parseRange('::ffff:0:0/96');
const CARRIERS = ranges([
  '::/96', // IPv4-compatible (deprecated)
  '64:ff9b::/96', // NAT64
]);
const SIX_TO_FOUR = parseRange('2002::/16');

export type AddressClass = 'public' | 'private' | 'metadata';

export class RefusedHostError extends Error {
  override readonly name = 'RefusedHostError';
  readonly code = 'REFUSED_HOST';
}

const worst = (a: AddressClass, b: AddressClass): AddressClass =>
  a === 'metadata' || b === 'metadata'
    ? 'metadata'
    : a === 'private' || b === 'private'
      ? 'private'
      : 'public';

function classifyParsed(address: ParsedAddress): AddressClass {
  if (NEVER.some((r) => inRange(address, r))) return 'metadata';
  if (address.family === 6) {
    // `::ffff:a.b.c.d` is the IPv4 address itself, spelled as IPv6.
    if (inRange(address, MAPPED)) return classifyParsed(lowIpv4(address));
    if (CARRIERS.some((r) => inRange(address, r)))
      return worst('private', classifyParsed(lowIpv4(address)));
    if (inRange(address, SIX_TO_FOUR))
      return worst('private', classifyParsed(lowIpv4({ family: 6, value: address.value >> 80n })));
  }
  return NOT_PUBLIC.some((r) => inRange(address, r)) ? 'private' : 'public';
}

/** Classifies an IP literal; undefined when `text` is not one. */
export function classifyAddress(text: string): AddressClass | undefined {
  const address = parseAddress(text);
  return address ? classifyParsed(address) : undefined;
}

function refuseClass(cls: AddressClass, what: string, policy: HostPolicy): void {
  if (cls === 'metadata')
    throw new RefusedHostError(`${what} is link-local or a metadata endpoint`);
  if (cls === 'private' && !policy.allowPrivate)
    throw new RefusedHostError(`${what} is not a public address`);
}

/** Checks an address a connection is about to be made to (a literal host or a DNS answer). */
export function checkAddress(address: string, policy: HostPolicy): void {
  const cls = classifyAddress(address);
  // DNS hands over addresses only; anything unparseable is refused rather than guessed at.
  if (cls === undefined) throw new RefusedHostError(`${address} is not an IP address`);
  refuseClass(cls, `address ${address}`, policy);
}

/** Checks a URL's host name (already normalised by `new URL`) before anything is resolved. */
export function checkHostName(hostname: string, policy: HostPolicy): void {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (METADATA_NAMES.has(host)) throw new RefusedHostError(`host ${host} is a metadata endpoint`);
  const literal = classifyAddress(host);
  if (literal !== undefined) refuseClass(literal, `address ${host}`, policy);
  else if (host === 'localhost' || host.endsWith('.localhost'))
    refuseClass('private', `host ${host}`, policy);
  const allowed = policy.allowedHosts;
  if (allowed && !allowed.some((pattern) => matches(host, pattern))) {
    throw new RefusedHostError(`host ${host} is not in the allowed hosts`);
  }
}

function matches(host: string, pattern: string): boolean {
  const p = pattern.toLowerCase().replace(/^\[|\]$/g, '');
  const bare = host.replace(/^\[|\]$/g, '');
  return p.startsWith('*.') ? bare.endsWith(p.slice(1)) : bare === p;
}
