// Child process of the load bench: the emulator alone (the load query, `{ models { name } }`,
// fetches no image), standing in for a remote Azure region 20 ms away. Compiled and run by plain
// node like the servers it answers (see child-process.ts).
import { startEmulator } from '@visiongraph/emulator';
import { serveUntilDisconnect } from './child-process.js';

const emulator = await startEmulator({
  port: 0,
  host: '127.0.0.1',
  key: process.env['BENCH_KEY'] ?? 'bench-key',
  latencyMs: Number(process.env['UPSTREAM_LATENCY_MS'] ?? 0),
});
serveUntilDisconnect({ url: emulator.url }, () => emulator.close());
