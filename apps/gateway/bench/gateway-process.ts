// Child process of the latency and load benches: the gateway on its own event loop, as deployed
// (its built dist: the load bench runs this file compiled, with plain node), calling the upstream
// process. Cache off (every query goes upstream like every direct core call
// does) unless BENCH_CACHE=on; REDIS_URL shares the cache with other replicas.
import { createJsonLogger, startGateway } from '@visiongraph/gateway';
import { serveUntilDisconnect } from './child-process.js';

const gateway = await startGateway({
  port: 0,
  host: '127.0.0.1',
  visionEndpoint: process.env['VISION_ENDPOINT']!,
  visionKey: process.env['BENCH_KEY'] ?? 'bench-key',
  cache: process.env['BENCH_CACHE'] === 'on',
  ...(process.env['REDIS_URL'] && { store: { url: process.env['REDIS_URL'] } }),
  logger: createJsonLogger({ level: 'silent' }),
});
serveUntilDisconnect({ url: gateway.url }, () => gateway.close());
