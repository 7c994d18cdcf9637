// Attacks on the HTTP and GraphQL layer: oversized bodies, depth and alias bombs, a query that
// fans out into thousands of upstream transactions, and at the end the question that matters:
// does the server still answer a normal query?
import { request } from 'node:http';
import type { Attack, Observation } from './attack.js';
import { codesOf, JSON_HEADERS, postQuery } from './graphql-http.js';

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
