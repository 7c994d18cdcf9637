// IP address text to a number, so ranges can be compared without trusting any one spelling.
// Input is what the WHATWG URL parser or DNS hands over: dotted-quad IPv4 (decimal, octal and
// hex host spellings are already normalised by `new URL`) and any IPv6 text form.

export interface ParsedAddress {
  family: 4 | 6;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): bigint | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  let value = 0n;
  for (const part of m.slice(1)) {
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (const [i, part] of parts.entries()) {
    // An embedded IPv4 (`::ffff:1.2.3.4`) may only close the address.
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) return undefined;
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      continue;
    }
    if (!/^[0-9a-f]{1,4}$/i.test(part)) return undefined;
    groups.push(Number.parseInt(part, 16));
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  // Brackets from URL hosts, a zone id (`fe80::1%eth0`) from DNS answers.
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const halves = bare.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Parses an IPv4 or IPv6 literal; undefined for host names and malformed text. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  if (!text.includes(':')) return undefined;
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** A CIDR range, e.g. `10.0.0.0/8` or `fc00::/7`. */
export interface AddressRange {
  family: 4 | 6;
  base: bigint;
  mask: bigint;
}

export function parseRange(cidr: string): AddressRange {
  const [text, bitsText] = cidr.split('/');
  const address = parseAddress(text ?? '');
  if (!address) throw new Error(`not a CIDR range: ${cidr}`);
  const width = address.family === 4 ? 32 : 128;
  const bits = BigInt(bitsText ?? width);
  const all = (1n << BigInt(width)) - 1n;
  const mask = all ^ ((1n << (BigInt(width) - bits)) - 1n);
  return { family: address.family, base: address.value & mask, mask };
}

export function inRange(address: ParsedAddress, range: AddressRange): boolean {
  return address.family === range.family && (address.value & range.mask) === range.base;
}

/** The IPv4 address an IPv6 one carries in its low 32 bits. */
export function lowIpv4(address: ParsedAddress): ParsedAddress {
  return { family: 4, value: address.value & 0xffffffffn };
}
