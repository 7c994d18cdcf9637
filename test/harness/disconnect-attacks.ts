// Clients that go away mid-request: while the gateway reads their upload, and while their text
// is being read upstream (the gateway must stop polling for nobody).
import { connect } from 'node:net';
import type { Attack, AttackContext, Observation } from './attack.js';
import { startGatewayWithOptions } from './gateway-child.js';
import { postQuery, send } from './graphql-http.js';
import { stormGatewayOptions } from './storm.js';
import { startUpstream } from './upstream.js';

const MB = 1024 * 1024;

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

export const DISCONNECT_ATTACKS: Attack[] = [
  {
    name: 'client disconnects while its text is read',
    expected: 'read polling stops',
    // Starts an upstream and a gateway of its own (pointed at the fault proxy, to count polls).
    bound: { ms: 30_000, mb: 30 },
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
