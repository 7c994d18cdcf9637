// Whether an image URL names this gateway, as the request that carries it reached it. Used to
// answer `/examples/<file>` URLs from disk (example-bytes.ts), so a wrong "yes" can only ever
// hand over a file the gateway serves publicly anyway.

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/**
 * Names by which a client on this machine reaches a server that listens on loopback: a user who
 * opened http://127.0.0.1:4000 and pastes http://localhost:4000/examples/... means this server.
 * (WHATWG URL parsing already turns 2130706433, 0x7f.1 and the like into dotted 127.x.y.z.)
 */
export function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const effectivePort = (url: URL): string => url.port || (DEFAULT_PORTS[url.protocol] ?? '');

/**
 * True when `url` is an http(s) URL on the host the request came to (its Host, exactly, as
 * before), or, for a request that itself came to a loopback name, on any loopback name with
 * the same port. A request to any other Host gains nothing from the loopback names.
 */
export function namesThisServer(url: URL, requestUrl: URL): boolean {
  if (!(url.protocol in DEFAULT_PORTS)) return false;
  if (url.host === requestUrl.host) return true;
  return (
    isLoopbackName(requestUrl.hostname) &&
    isLoopbackName(url.hostname) &&
    effectivePort(url) === effectivePort(requestUrl)
  );
}
