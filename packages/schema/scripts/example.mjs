// Runnable example: `pnpm turbo run build --filter=@visiongraph/schema... && node scripts/example.mjs <image-url>`
// (a local URL needs EMULATOR_ALLOW_PRIVATE_URLS=1 with the in-process emulator)
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
  // Public image URLs only, as the emulator's CLI; EMULATOR_ALLOW_PRIVATE_URLS=1 opens local ones
  // (a running gateway's http://localhost:4000/examples/...), the only ones reachable offline.
  const allowPrivateUrls = ['1', 'true'].includes(process.env.EMULATOR_ALLOW_PRIVATE_URLS ?? '');
  emulator = await startEmulator({ port: 0, allowPrivateUrls });
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
