// Runnable example: `pnpm --filter @visiongraph/schema build && node scripts/example.mjs <image-url>`
// Starts the emulator in-process (or uses VISION_ENDPOINT + VISION_KEY) and runs one query.
import { createVisionClient } from '@visiongraph/core';
import { graphql } from 'graphql';
import { createContext, createMemoryFeatureCache, schema } from '../dist/index.js';

const url = process.argv[2];
if (!url) {
  console.error('usage: node scripts/example.mjs <http(s) image URL>');
  process.exit(2);
}
let emulator;
if (!process.env.VISION_ENDPOINT) {
  const { startEmulator } = await import('@visiongraph/emulator');
  emulator = await startEmulator({ port: 0 });
}
const client = createVisionClient({
  endpoint: process.env.VISION_ENDPOINT ?? emulator.url,
  key: process.env.VISION_KEY ?? emulator.key,
});
const cache = createMemoryFeatureCache(); // one per server, shared by all requests

const result = await graphql({
  schema,
  source: `query ($url: URL!) {
    image(url: $url) { id width height caption { text } tags(minConfidence: 0.5) { name } faces { rectangle { x y width height } } }
  }`,
  variableValues: { url },
  contextValue: createContext({ client, cache }), // a new context per request
});
console.log(JSON.stringify(result, null, 2));
await client.close();
await emulator?.close();
