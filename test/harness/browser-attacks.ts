// Another web site driving the gateway from its visitors' browsers: requests a browser sends
// cross-site without a preflight (a GET, a form POST) must not execute, and a preflight from a
// foreign origin must not be allowed.
import type { Attack, Observation } from './attack.js';
import { codesOf, send, type Answer } from './graphql-http.js';

const EVIL = 'https://evil.example';

function crossSite(answer: Answer): Observation {
  const executed = answer.body?.data != null;
  const code = codesOf(answer)[0];
  const observed = `HTTP ${answer.status}${code ? ` ${code}` : ''}${executed ? ', executed' : ''}`;
  return { observed, ok: !executed && answer.status >= 400 && answer.status < 500 };
}

export const BROWSER_ATTACKS: Attack[] = [
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
];
