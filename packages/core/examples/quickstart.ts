// Analyze, thumbnail and read against Azure or the emulator.
//   pnpm emulator                                  # prints a URL and key (or use real Azure)
//   VISION_ENDPOINT=http://127.0.0.1:5000 VISION_KEY=<key> \
//     pnpm --filter @visiongraph/core exec tsx examples/quickstart.ts ../../testdata/images/csdf-printed_text.jpg
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVisionClient, VisionError } from '../src/index.js';

const endpoint = process.env.VISION_ENDPOINT;
const key = process.env.VISION_KEY;
if (!endpoint || !key) {
  console.error('Set VISION_ENDPOINT and VISION_KEY (e.g. from `pnpm emulator`).');
  process.exit(2);
}
const imagePath = process.argv[2] ?? '../../testdata/images/csdf-printed_text.jpg';

const vision = createVisionClient({
  endpoint,
  key,
  onAttempt: (e) =>
    console.error(
      `  ${e.method} ${e.path} -> ${e.status ?? e.error?.code} in ${e.durationMs.toFixed(0)} ms`,
    ),
});

try {
  const image = await readFile(imagePath);

  const analysis = await vision.analyze(image, {
    visualFeatures: ['Description', 'Tags', 'Objects'],
  });
  console.log('caption:', analysis.description?.captions?.[0]?.text);
  console.log('tags:', analysis.tags?.map((t) => t.name).join(', '));

  const thumb = await vision.generateThumbnail(image, {
    width: 128,
    height: 128,
    smartCropping: true,
  });
  const thumbPath = join(tmpdir(), 'visiongraph-thumbnail.jpg');
  await writeFile(thumbPath, thumb.data);
  console.log(`thumbnail: ${thumb.data.byteLength} bytes of ${thumb.contentType} -> ${thumbPath}`);

  const read = await vision.readAndWait(image, {
    polling: { initialDelayMs: 200, intervalMs: 300 },
  });
  for (const page of read.analyzeResult?.readResults ?? []) {
    for (const line of page.lines) console.log('text:', line.text);
  }
} catch (err) {
  if (err instanceof VisionError)
    console.error(`${err.name} [${err.kind}/${err.code}] ${err.message}`);
  else throw err;
  process.exitCode = 1;
} finally {
  await vision.close();
}
