// Attacks on the HTTP and GraphQL layer: oversized bodies, queries that fan out into thousands
// of upstream transactions, depth and alias bombs, another site driving the gateway from a
// browser, clients that go away mid-request, and at the end the question that matters: does
// the server still answer a normal query?
import { request } from 'node:http';
import { connect } from 'node:net';
import type { Attack, AttackContext, Observation } from './attack.js';
import { startGatewayWithOptions } from './gateway-child.js';
import { codesOf, JSON_HEADERS, postQuery, send, type Answer } from './graphql-http.js';
import { stormGatewayOptions } from './storm.js';
import { startUpstream } from './upstream.js';

const EVIL = 'https://evil.example';
const MB = 1024 * 1024;

/** Streams `bytes` of JSON-looking body; resolves with the status once the gateway answers. */
function postHuge(gatewayUrl: string, bytes: number): Promise<{ status: number; sentMb: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL('/graphql', gatewayUrl);
    let sent = 0;
    const req = request(url, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'content-length': String(bytes) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, sentMb: sent / MB });
      req.destroy();
    });
    req.on('error', (error) => (sent >= bytes ? undefined : reject(error)));
    const chunk = Buffer.alloc(MB, 0x20);
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('{"query":"{ __typename }","pad":"');
    pump();
  });
}

/** A query in the limits on depth, aliases and cost whose upper bound is ~1,500 images. */
function fanOutQuery(gatewayUrl: string): string {
  const aliases = Array.from({ length: 30 }, (_, a) => {
    const urls = Array.from(
      { length: 50 },
      (_, u) => `"${gatewayUrl}/examples/csdf-dog.jpg?a=${a}&u=${u}"`,
    );
    return `a${a}: images(urls: [${urls.join(',')}]) { color { accentColor } tags { name } }`;
  });
  return `{ ${aliases.join('\n')} }`;
}

function refusedWith(codes: string[], answered: boolean, pattern: RegExp): Observation {
  const observed = answered
    ? `executed (${codes.join(',') || 'data'})`
    : codes.join(',') || 'no code';
  return { observed, ok: !answered && codes.length > 0 && codes.every((c) => pattern.test(c)) };
}

function crossSite(answer: Answer): Observation {
  const executed = answer.body?.data != null;
  const code = codesOf(answer)[0];
  const observed = `HTTP ${answer.status}${code ? ` ${code}` : ''}${executed ? ', executed' : ''}`;
  return { observed, ok: !executed && answer.status >= 400 && answer.status < 500 };
}

/** A socket that sends part of a request body and then goes away. */
function abandonUpload(gatewayUrl: string): Promise<void> {
  const url = new URL(gatewayUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n' +
          `x-graphql-yoga-csrf: 1\r\nContent-Length: ${8 * MB}\r\n\r\n--b\r\n`,
      );
      socket.write(Buffer.alloc(MB, 0x41), () => {
        socket.destroy();
        resolve();
      });
    });
    socket.on('error', () => resolve());
  });
}

/**
 * A text query whose read operation stays `running`; the client goes away after the first
 * polls. Counts the polls that reach the upstream in the second after: none when the gateway
 * stops work nobody waits for.
 */
async function pollsAfterDisconnect(ctx: AttackContext): Promise<Observation> {
  const upstream = await startUpstream({ readProgression: { running: { polls: 1_000_000 } } });
  const gateway = await startGatewayWithOptions(
    ctx.checkout,
    stormGatewayOptions(upstream.proxy.url),
  );
  try {
    const polls = () => upstream.proxy.countRequests('GET', /\/read\/analyzeResults\//);
    const client = new AbortController();
    const pending = postQuery(
      gateway.url,
      'query Text($u: URL!) { image(url: $u) { text { text } } }',
      { u: `${upstream.images.url}/img/1.png` },
      { signal: client.signal },
    ).catch(() => undefined);
    const deadline = Date.now() + 5_000;
    while (polls() < 3 && Date.now() < deadline) await sleep(20);
    client.abort();
    await pending;
    await sleep(100); // the gateway hears of the close; a poll already sent may still land
    const atClose = polls();
    await sleep(1_000);
    const after = polls() - atClose;
    return { observed: `${after} polls in the second after`, ok: after === 0 };
  } finally {
    await gateway.close();
    await upstream.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const REQUEST_ATTACKS: Attack[] = [
  {
    name: '50 MB request body',
    expected: 'HTTP 413 before the body is read',
    bound: { ms: 3_000, mb: 30 },
    async run(ctx) {
      const { status, sentMb } = await postHuge(ctx.gateway.url, 50 * MB);
      return { observed: `HTTP ${status} after ${Math.round(sentMb)} MB sent`, ok: status === 413 };
    },
  },
  {
    name: 'depth bomb: 20000 nested selections',
    expected: 'QUERY_TOO_LARGE / QUERY_TOO_DEEP / GRAPHQL_PARSE_FAILED',
    bound: { ms: 1_000, mb: 30 },
    async run(ctx) {
      const query = `{ ${'a { '.repeat(20_000)}b${' }'.repeat(20_000)} }`;
      const answer = await postQuery(ctx.gateway.url, query);
      return refusedWith(codesOf(answer), Boolean(answer.body?.data), /QUERY_TOO|PARSE/);
    },
  },
  {
    name: 'depth bomb: 2000 nested selections',
    expected: 'QUERY_TOO_DEEP (or a validation error)',
    bound: { ms: 1_000, mb: 30 },
    async run(ctx) {
      const query = `{ ${'a { '.repeat(2_000)}b${' }'.repeat(2_000)} }`;
      const answer = await postQuery(ctx.gateway.url, query);
      return refusedWith(codesOf(answer), Boolean(answer.body?.data), /QUERY_TOO_DEEP|VALIDATION/);
    },
  },
  {
    name: 'alias bomb: 100 aliased images',
    expected: 'TOO_MANY_ALIASES',
    bound: { ms: 1_000, mb: 30 },
    async run(ctx) {
      // (graphql-armor lets aliases of __typename through, as they cost nothing.)
      const image = (i: number) =>
        `a${i}: image(url: "${ctx.gateway.url}/examples/csdf-dog.jpg?alias=${i}") { width }`;
      const query = `{ ${Array.from({ length: 100 }, (_, i) => image(i)).join(' ')} }`;
      const answer = await postQuery(ctx.gateway.url, query);
      return refusedWith(codesOf(answer), Boolean(answer.body?.data), /TOO_MANY_ALIASES/);
    },
  },
  {
    name: 'cross-site GET executing a query',
    expected: 'refused (4xx), not executed',
    bound: { ms: 2_000, mb: 30 },
    async run(ctx) {
      const query = encodeURIComponent('{ models { name } }');
      const answer = await send(`${ctx.gateway.url}/graphql?query=${query}`, {
        method: 'GET',
        headers: { origin: EVIL, 'sec-fetch-site': 'cross-site', accept: '*/*' },
      });
      return crossSite(answer);
    },
  },
  {
    name: 'cross-site form POST (multipart)',
    expected: 'refused (4xx), not executed',
    bound: { ms: 2_000, mb: 30 },
    async run(ctx) {
      // What an HTML form on another site can send without a preflight.
      const form = new FormData();
      form.set('operations', JSON.stringify({ query: '{ models { name } }' }));
      form.set('map', '{}');
      const answer = await send(`${ctx.gateway.url}/graphql`, {
        method: 'POST',
        headers: { origin: EVIL, 'sec-fetch-site': 'cross-site', accept: '*/*' },
        body: form,
      });
      return crossSite(answer);
    },
  },
  {
    name: 'preflight from a foreign origin',
    expected: 'no access-control-allow-origin for it',
    bound: { ms: 1_000, mb: 30 },
    async run(ctx) {
      const answer = await send(`${ctx.gateway.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: EVIL,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      const allow = answer.headers.get('access-control-allow-origin');
      const credentials = answer.headers.get('access-control-allow-credentials');
      const open = allow === EVIL || allow === '*';
      const observed = open
        ? `allow-origin: ${allow}${credentials ? `, allow-credentials: ${credentials}` : ''}`
        : `HTTP ${answer.status}, no allow-origin`;
      return { observed, ok: !open };
    },
  },
  {
    name: 'client disconnects while its text is read',
    expected: 'read polling stops',
    bound: { ms: 8_000, mb: 30 },
    run: pollsAfterDisconnect,
  },
  {
    name: 'client disconnects mid-upload',
    expected: 'connection dropped, /healthz answers',
    bound: { ms: 2_000, mb: 30 },
    async run(ctx) {
      await abandonUpload(ctx.gateway.url);
      const health = await send(`${ctx.gateway.url}/healthz`, { method: 'GET', timeoutMs: 2_000 });
      return { observed: `/healthz HTTP ${health.status}`, ok: health.status === 200 };
    },
  },
];

export const FAN_OUT_ATTACK: Attack = {
  name: '30 aliases x 50 URLs (~3000 transactions)',
  expected: 'refused before any upstream call, coded',
  bound: { ms: 2_000, mb: 50 },
  async run(ctx) {
    const answer = await postQuery(
      ctx.gateway.url,
      fanOutQuery(ctx.gateway.url),
      {},
      {
        timeoutMs: 20_000,
      },
    );
    const data = answer.body?.data;
    const images = data ? Object.values(data).flat().filter(Boolean).length : 0;
    const codes = [...new Set(codesOf(answer))];
    if (images > 0) return { observed: `executed: ${images} images answered`, ok: false };
    return refusedWith(codes, false, /TRANSACTION|BUDGET|TOO_MANY|COST/);
  },
};

export const NORMAL_QUERY: Attack = {
  name: 'after all of it: a normal query',
  expected: 'data',
  bound: { ms: 10_000, mb: 200 },
  async run(ctx) {
    const answer = await postQuery(
      ctx.gateway.url,
      `{ image(url: "${ctx.gateway.url}/examples/csdf-dog.jpg") { width height color { accentColor } } }`,
    );
    const image = answer.body?.data?.['image'];
    const codes = codesOf(answer);
    if (typeof image?.width === 'number' && codes.length === 0) {
      return { observed: `data: ${image.width}x${image.height}`, ok: true };
    }
    return { observed: codes.join(',') || `HTTP ${answer.status}`, ok: false };
  },
};
