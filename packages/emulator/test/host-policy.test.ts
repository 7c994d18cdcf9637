// The URL fetch policy's address checks. DNS cannot be pointed at a metadata address on this
// machine, so the resolver is replaced here; everything else runs for real.
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { checkAddress, checkHostName } from '../src/http/host-policy.js';
import { guardLookup } from '../src/http/url-fetcher.js';

const resolvingTo = (...addresses: string[]) =>
  guardLookup((_host, _opts, cb) =>
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

describe('host policy', () => {
  it('refuses a name whose DNS answer is link-local or a metadata address', async () => {
    await expect(lookup(resolvingTo('169.254.169.254'), false)).rejects.toThrow(
      /link-local|metadata/,
    );
    await expect(lookup(resolvingTo('93.184.216.34', 'fd00:ec2::254'), true)).rejects.toThrow(
      /metadata/,
    );
    await expect(lookup(resolvingTo('fe80::1'), true)).rejects.toThrow();
  });

  it('allows loopback and private answers', async () => {
    expect(await lookup(resolvingTo('127.0.0.1'), false)).toBe('127.0.0.1');
    expect(await lookup(resolvingTo('10.0.0.5', '192.168.1.2'), true)).toHaveLength(2);
  });

  it('checks literal addresses and names', () => {
    expect(() => checkAddress('169.254.0.1')).toThrow();
    expect(() => checkAddress('::ffff:169.254.169.254')).toThrow();
    expect(() => checkAddress('::1')).not.toThrow();
    expect(() => checkHostName('METADATA.google.internal.', undefined)).toThrow();
    expect(() => checkHostName('cdn.example.com', ['*.example.com'])).not.toThrow();
    expect(() => checkHostName('example.com.evil.net', ['*.example.com'])).toThrow();
    expect(() => checkHostName('localhost', ['images.example.com'])).toThrow();
  });
});
