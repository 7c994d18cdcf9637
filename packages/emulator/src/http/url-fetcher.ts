// Downloads an image URL for `{"url": ...}` bodies under the fetch policy: deadline, byte cap,
// host checks on the name, on every resolved address (so DNS cannot point a harmless name at a
// private or metadata address) and again on every redirect target. The checked addresses are
// the ones connected to: the socket resolves through the guarded lookup itself, so a second
// DNS answer (rebinding) never reaches an unchecked connect. Error messages carry no address,
// port or errno: they reach clients.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkAddress, checkHostName, type HostPolicy } from './host-policy.js';

export class UrlFetchError extends Error {
  override readonly name = 'UrlFetchError';
  readonly code = 'URL_FETCH_FAILED';
  /** What went wrong, for the emulator's own debugging; never sent to a client. */
  readonly detail: string;
  constructor(detail: string) {
    super('the image could not be downloaded');
    this.detail = detail;
  }
}
export class UrlTooLargeError extends Error {
  override readonly name = 'UrlTooLargeError';
  readonly code = 'URL_TOO_LARGE';
}

export interface FetchPolicy {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowedHosts: string[] | undefined;
  /** Open loopback and private addresses (local development). */
  allowPrivate: boolean;
}

type Resolver = (
  hostname: string,
  options: { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A lookup that resolves like dns.lookup but fails when any resolved address is refused. */
export function guardLookup(
  policy: HostPolicy,
  resolve: Resolver = dnsLookup as unknown as Resolver,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      try {
        for (const a of addresses) checkAddress(a.address, policy);
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, '', 0);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}

function get(url: URL, lookup: LookupFunction, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      // No agent: a pooled socket could have been opened under another policy.
      { lookup, agent: false, signal, headers: { accept: 'image/*,application/pdf,*/*;q=0.5' } },
      resolve,
    );
    req.on('error', reject);
  });
}

async function readCapped(res: IncomingMessage, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > cap) {
      res.destroy();
      throw new UrlTooLargeError(`image over ${cap} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Fetches `raw` and returns its body. `cap` is the caller's size limit; the policy's own
 * `maxBytes` applies too. Throws UrlFetchError (bad URL, refused, unreachable, non-2xx, timeout)
 * or UrlTooLargeError.
 */
export async function fetchImageUrl(
  raw: string,
  policy: FetchPolicy,
  cap: number,
  signal: AbortSignal,
): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlFetchError('the URL is malformed');
  }
  const hostPolicy: HostPolicy = {
    allowPrivate: policy.allowPrivate,
    allowedHosts: policy.allowedHosts,
  };
  const lookup = guardLookup(hostPolicy);
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(policy.timeoutMs)]);
  for (let hop = 0; ; hop += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UrlFetchError(`scheme ${url.protocol} is not supported`);
    try {
      checkHostName(url.hostname, hostPolicy);
    } catch (err) {
      throw new UrlFetchError((err as Error).message);
    }
    let res: IncomingMessage;
    try {
      res = await get(url, lookup, deadline);
    } catch (err) {
      const why =
        deadline.aborted && !signal.aborted
          ? `no answer within ${policy.timeoutMs} ms`
          : (err as Error).message;
      throw new UrlFetchError(`the image could not be downloaded (${why})`);
    }
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      if (hop >= policy.maxRedirects)
        throw new UrlFetchError(`more than ${policy.maxRedirects} redirects`);
      try {
        url = new URL(res.headers.location, url);
      } catch {
        throw new UrlFetchError('the redirect target is malformed');
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new UrlFetchError(`the server answered HTTP ${status}`);
    }
    try {
      return await readCapped(res, Math.min(cap, policy.maxBytes));
    } catch (err) {
      if (err instanceof UrlTooLargeError) {
        throw cap <= policy.maxBytes
          ? err
          : new UrlFetchError(`the image is over the fetch limit of ${policy.maxBytes} bytes`);
      }
      throw new UrlFetchError(`the download failed (${(err as Error).message})`);
    }
  }
}
