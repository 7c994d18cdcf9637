// Child process of the latency bench: the emulator and a host for the test images, standing in
// for a remote Azure region. In its own process it does not share the gateway's event loop, as
// Azure would not; UPSTREAM_LATENCY_MS holds each answer back like the network would.
import { startEmulator } from '@visiongraph/emulator';
import { startImageHost } from './image-host.js';
import { serveUntilDisconnect } from './child-process.js';

const emulator = await startEmulator({
  port: 0,
  host: '127.0.0.1',
  key: process.env['BENCH_KEY'] ?? 'bench-key',
  latencyMs: Number(process.env['UPSTREAM_LATENCY_MS'] ?? 0),
  allowPrivateUrls: true, // the bench's image host is on loopback
});
const images = await startImageHost();
serveUntilDisconnect({ url: emulator.url, imageBase: images.url('') }, async () => {
  await images.close();
  await emulator.close();
});
