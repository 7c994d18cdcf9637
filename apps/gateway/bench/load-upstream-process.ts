// Child process of the load bench: the upstream, standing in for a remote Azure region 20 ms away.
// The load query, `{ models { name } }`, makes one GET /vision/v3.2/models. The answer is the
// emulator's own (asked once at start-up), served from a plain node:http server after the fixed
// delay: a remote region spends none of this machine's CPU, so the stand-in spends as little as
// it can (about a third of what the full emulator server spends per request), leaving the two
// cores to the servers under test and the load generator. Run by plain node like them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '@visiongraph/emulator';
import { serveUntilDisconnect } from './child-process.js';

const key = process.env['BENCH_KEY'] ?? 'bench-key';
const latencyMs = Number(process.env['UPSTREAM_LATENCY_MS'] ?? 0);
const MODELS_PATH = '/vision/v3.2/models';

/** The emulator's answer to GET /models, byte for byte, with its content type. */
async function emulatorModels(): Promise<{ body: Buffer; contentType: string }> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', key });
  try {
    const response = await fetch(emulator.url + MODELS_PATH, {
      headers: { 'ocp-apim-subscription-key': key },
    });
    if (!response.ok) throw new Error(`emulator answered ${response.status} to GET /models`);
    return {
      body: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get('content-type') ?? 'application/json',
    };
  } finally {
    await emulator.close();
  }
}

const models = await emulatorModels();
const unauthorized = Buffer.from(
  JSON.stringify({
    error: { code: '401', message: 'Access denied due to invalid subscription key.' },
  }),
);

function answer(req: IncomingMessage, res: ServerResponse): void {
  const send = (status: number, body: Buffer, contentType: string): void => {
    res.writeHead(status, { 'content-type': contentType, 'content-length': body.length }).end(body);
  };
  if (req.headers['ocp-apim-subscription-key'] !== key)
    return send(401, unauthorized, 'application/json');
  if (req.method !== 'GET' || req.url !== MODELS_PATH)
    return send(
      404,
      Buffer.from('{"error":{"code":"NotFound","message":"Not found"}}'),
      'application/json',
    );
  setTimeout(() => send(200, models.body, models.contentType), latencyMs);
}

const server = createServer(answer);
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
serveUntilDisconnect({ url: `http://127.0.0.1:${port}` }, async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
