// The URL fetch policy's address checks. DNS cannot be pointed at a metadata address on this
// machine, so the resolver is replaced in the lookup tests; the spellings go through the same
// WHATWG URL parser the fetcher uses.
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  checkAddress,
  checkHostName,
  classifyAddress,
  type HostPolicy,
} from '../src/http/host-policy.js';
import { guardLookup } from '../src/http/url-fetcher.js';

const closed: HostPolicy = { allowPrivate: false, allowedHosts: undefined };
const open: HostPolicy = { allowPrivate: true, allowedHosts: undefined };

const resolvingTo = (policy: HostPolicy, ...addresses: string[]) =>
  guardLookup(policy, (_host, _opts, cb) =>
    cb(
      null,
      addresses.map(
        (address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }),
      ),
    ),
  );

function lookup(fn: ReturnType<typeof guardLookup>, all: boolean): Promise<unknown> {
  return new Promise((resolve, reject) =>
    fn('images.example', { all }, (err: Error | null, address: unknown) =>
      err ? reject(err) : resolve(address),
    ),
  );
}

/** The class of a URL's host as the fetcher sees it, or 'name' for a host name. */
function hostClass(url: string): string {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return classifyAddress(host) ?? 'name';
}

describe('address classes', () => {
  it.each([
    // loopback in every spelling the URL parser accepts
    ['http://127.0.0.1/', 'private'],
    ['http://127.1/', 'private'],
    ['http://2130706433/', 'private'],
    ['http://0177.0.0.1/', 'private'],
    ['http://0x7f.0.0.1/', 'private'],
    ['http://0x7f000001/', 'private'],
    ['http://127.0.0.1./', 'private'],
    ['http://%31%32%37.0.0.1/', 'private'],
    ['http://[::1]/', 'private'],
    ['http://[0:0:0:0:0:0:0:1]/', 'private'],
    ['http://[::ffff:127.0.0.1]/', 'private'],
    ['http://[::ffff:7f00:1]/', 'private'],
    ['http://[::127.0.0.1]/', 'private'],
    ['http://0.0.0.0/', 'private'],
    ['http://0/', 'private'],
    ['http://[::]/', 'private'],
    // private, CGNAT, unique-local, NAT64, 6to4 and Teredo
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://3232235777/', 'private'],
    ['http://100.64.0.1/', 'private'],
    ['http://100.127.255.254/', 'private'],
    ['http://[fd12:3456::1]/', 'private'],
    ['http://[fc00::1]/', 'private'],
    ['http://[64:ff9b::7f00:1]/', 'private'],
    ['http://[64:ff9b::808:808]/', 'private'],
    ['http://[2002:7f00:1::]/', 'private'],
    ['http://[2001:0:4136:e378::1]/', 'private'],
    ['http://224.0.0.1/', 'private'],
    ['http://255.255.255.255/', 'private'],
    // link-local and metadata, in several spellings
    ['http://169.254.169.254/', 'metadata'],
    ['http://2852039166/', 'metadata'],
    ['http://0xa9.0xfe.0xa9.0xfe/', 'metadata'],
    ['http://0251.0376.0251.0376/', 'metadata'],
    ['http://[::ffff:a9fe:a9fe]/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'metadata'],
    ['http://[2002:a9fe:a9fe::1]/', 'metadata'],
    ['http://168.63.129.16/', 'metadata'],
    ['http://168.63.129.16./', 'metadata'],
    ['http://100.100.100.200/', 'metadata'],
    ['http://[fe80::1]/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    // public
    ['http://93.184.216.34/', 'public'],
    ['http://8.8.8.8/', 'public'],
    ['http://100.128.0.1/', 'public'],
    ['http://172.32.0.1/', 'public'],
    ['http://[2606:4700::1111]/', 'public'],
    ['http://[::ffff:8.8.8.8]/', 'public'],
    ['http://images.example.com/', 'name'],
  ])('%s is %s', (url, expected) => {
    expect(hostClass(url)).toBe(expected);
  });
});

describe('host names', () => {
  it('refuses loopback, private and metadata literals and names when closed', () => {
    for (const host of [
      '127.0.0.1',
      '[::1]',
      '[::ffff:7f00:1]',
      '10.0.0.1',
      'localhost',
      'LOCALHOST.',
      'app.localhost',
      '169.254.169.254',
      'metadata.google.internal.',
      'METADATA',
    ]) {
      expect(() => checkHostName(new URL(`http://${host}/`).hostname, closed), host).toThrow();
    }
    expect(() => checkHostName('images.example.com', closed)).not.toThrow();
    expect(() => checkHostName('93.184.216.34', closed)).not.toThrow();
  });

  it('opens loopback and private with allowPrivate, never metadata', () => {
    for (const host of ['127.0.0.1', '[::1]', '10.0.0.1', 'localhost', '[fd12::1]']) {
      expect(() => checkHostName(new URL(`http://${host}/`).hostname, open), host).not.toThrow();
    }
    for (const host of ['169.254.169.254', '168.63.129.16', '[fe80::1]', 'metadata.goog']) {
      expect(() => checkHostName(new URL(`http://${host}/`).hostname, open), host).toThrow(
        /metadata/,
      );
    }
  });

  it('applies allowedHosts after the address checks', () => {
    const only = (hosts: string[]): HostPolicy => ({ allowPrivate: true, allowedHosts: hosts });
    expect(() => checkHostName('cdn.example.com', only(['*.example.com']))).not.toThrow();
    expect(() => checkHostName('example.com.evil.net', only(['*.example.com']))).toThrow();
    expect(() => checkHostName('localhost', only(['images.example.com']))).toThrow();
  });

  it('refuses DNS answers that are not addresses', () => {
    expect(() => checkAddress('not-an-ip', open)).toThrow();
  });
});

describe('guarded lookup (every resolved address)', () => {
  it('refuses a name when any answer is private, with the closed policy', async () => {
    await expect(lookup(resolvingTo(closed, '127.0.0.1'), false)).rejects.toThrow(/public/);
    await expect(lookup(resolvingTo(closed, '93.184.216.34', '10.0.0.7'), true)).rejects.toThrow();
    await expect(
      lookup(resolvingTo(closed, '93.184.216.34', '::ffff:7f00:1'), true),
    ).rejects.toThrow();
    await expect(lookup(resolvingTo(closed, '100.64.1.1'), false)).rejects.toThrow();
  });

  it('refuses metadata answers even when private addresses are open', async () => {
    await expect(lookup(resolvingTo(open, '169.254.169.254'), false)).rejects.toThrow(/metadata/);
    await expect(lookup(resolvingTo(open, '93.184.216.34', 'fd00:ec2::254'), true)).rejects.toThrow(
      /metadata/,
    );
    await expect(lookup(resolvingTo(open, 'fe80::1%eth0'), true)).rejects.toThrow();
  });

  it('passes public answers, and private ones when open', async () => {
    expect(await lookup(resolvingTo(closed, '93.184.216.34'), false)).toBe('93.184.216.34');
    expect(await lookup(resolvingTo(open, '127.0.0.1'), false)).toBe('127.0.0.1');
    expect(await lookup(resolvingTo(open, '10.0.0.5', '192.168.1.2'), true)).toHaveLength(2);
  });
});
