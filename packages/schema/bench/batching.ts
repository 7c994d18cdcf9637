// Upstream calls and wall time of one multi-image, multi-feature query: the batched schema
// (cold cache, then warm) next to a baseline measured in the same run, one analyze call per
// (image, feature) as a field-by-field resolver without DataLoader would make.
// Run: pnpm --filter @visiongraph/schema bench
import { createVisionClient, type VisualFeature } from '@visiongraph/core';
import { startEmulator } from '@visiongraph/emulator';
import { execute, parse } from 'graphql';
import { createContext, createMemoryFeatureCache, schema } from '../src/index.js';
import { startStaticServer } from '../test/helpers/static-server.js';

const IMAGES = ['csdf-dog.jpg', 'csdf-house.jpg', 'csdf-objects.jpg'];
const FEATURES: VisualFeature[] = ['Description', 'Tags', 'Objects', 'Faces', 'Color', 'ImageType'];

let calls = 0;
const emulator = await startEmulator({ port: 0, onRequest: () => void calls++ });
const images = await startStaticServer();
const client = createVisionClient({
  endpoint: emulator.url,
  key: emulator.key,
  timeouts: { headersMs: 300_000 },
});
const urls = IMAGES.map((n) => images.urlOf(n));

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
  calls = 0;
  const start = performance.now();
  await run();
  console.log(
    `${label.padEnd(44)} ${String(calls).padStart(3)} calls ${(performance.now() - start).toFixed(0).padStart(7)} ms`,
  );
}

const document = parse(`query($urls: [URL!]!) { images(urls: $urls) {
  caption { text } tags { name } objects { name } faces { age } color { accentColor } imageType { clipArt } width
} }`);
const cache = createMemoryFeatureCache();
async function query(): Promise<void> {
  const result = await execute({
    schema,
    document,
    variableValues: { urls },
    contextValue: createContext({ client, cache }),
  });
  if (result.errors)
    throw new Error(`query failed: ${result.errors.map((e) => e.message).join('; ')}`);
}

// Warm the emulator's models first so neither side pays for loading them.
await client.analyze(images.urlOf('csdf-faces.jpg'), { visualFeatures: FEATURES });
console.log(`${IMAGES.length} images x ${FEATURES.length} features (+ metadata)`);
await measure('baseline: one analyze per (image, feature)', () =>
  Promise.all(
    urls.flatMap((url) => FEATURES.map((f) => client.analyze(url, { visualFeatures: [f] }))),
  ),
);
await measure('schema, cold cache', query);
await measure('schema, warm cache', query);

await client.close();
await images.close();
await emulator.close();
