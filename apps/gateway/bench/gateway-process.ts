// Child process of the latency bench: the gateway on its own event loop, as deployed, calling the
// upstream process. Cache off, so every query goes upstream like every direct core call does.
import { createJsonLogger, startGateway } from '../src/index.js';
import { serveUntilDisconnect } from './child-process.js';

const gateway = await startGateway({
  port: 0,
  host: '127.0.0.1',
  visionEndpoint: process.env['VISION_ENDPOINT']!,
  visionKey: process.env['BENCH_KEY'] ?? 'bench-key',
  cache: false,
  logger: createJsonLogger({ level: 'silent' }),
});
serveUntilDisconnect({ url: gateway.url }, () => gateway.close());
