// Which hosts an image URL may point at. Loopback and private networks stay allowed (the
// gateway serves example images on localhost), but link-local ranges and cloud metadata
// endpoints are refused always: they hand out credentials to anything on the machine.
import { BlockList, isIP } from 'node:net';

const REFUSED_NAMES = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
]);

const refused = new BlockList();
refused.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. 169.254.169.254 (AWS/Azure/GCP metadata)
refused.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
refused.addSubnet('fe80::', 10, 'ipv6'); // IPv6 link-local
refused.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6

export class RefusedHostError extends Error {
  override readonly name = 'RefusedHostError';
  readonly code = 'REFUSED_HOST';
}

/** Strips IPv6 brackets and the IPv4-mapped prefix, so `[::ffff:169.254.1.1]` is checked as IPv4. */
function normalize(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mapped?.[1] ?? bare;
}

export function checkAddress(address: string): void {
  const ip = normalize(address);
  const family = isIP(ip);
  if (family !== 0 && refused.check(ip, family === 4 ? 'ipv4' : 'ipv6')) {
    throw new RefusedHostError(`address ${ip} is link-local or a cloud metadata endpoint`);
  }
}

export function checkHostName(hostname: string, allowedHosts: string[] | undefined): void {
  const host = normalize(hostname).replace(/\.$/, '');
  if (REFUSED_NAMES.has(host))
    throw new RefusedHostError(`host ${host} is a cloud metadata endpoint`);
  checkAddress(host);
  if (allowedHosts && !allowedHosts.some((pattern) => matches(host, pattern))) {
    throw new RefusedHostError(`host ${host} is not in the allowed hosts`);
  }
}

function matches(host: string, pattern: string): boolean {
  const p = normalize(pattern);
  return p.startsWith('*.') ? host.endsWith(p.slice(1)) : host === p;
}
