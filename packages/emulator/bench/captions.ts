// The caption, its confidence, the top-5 tags and the categories of every photo, drawing and page
// in testdata/images, beside what testdata/TRUTH.md says is in it: the before/after table of a
// caption change is this script's output on both commits.
// `pnpm --filter @visiongraph/emulator captions` (`--md` prints a markdown table,
// `--json` one JSON line per image; a folder as argument captions its images instead).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBackend } from '../src/analysis/index.js';

const testdata = new URL('../../../testdata/', import.meta.url);
const truthMd = readFileSync(new URL('TRUTH.md', testdata), 'utf8');

/** What TRUTH.md says about each image: its first row in the people/objects table, else its text. */
function truthOf(): Map<string, string> {
  const truth = new Map<string, string>();
  // Sections in reverse, so the people/objects table (second) wins over the text table (first).
  for (const section of truthMd.split(/^## /m).reverse()) {
    const isText = section.startsWith('Text');
    for (const line of section.split('\n')) {
      if (!line.startsWith('|') || /^\|[-| ]+\|$/.test(line)) continue;
      const [images, what] = line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
      for (const image of (images ?? '').split(',').map((s) => s.trim())) {
        if (!image.includes('.') || !what || truth.has(image)) continue;
        truth.set(image, isText ? `text: ${what.slice(0, 50)}` : what);
      }
    }
  }
  return truth;
}

const mode = process.argv.includes('--md')
  ? 'md'
  : process.argv.includes('--json')
    ? 'json'
    : 'text';
const truth = truthOf();
const folder = process.argv.slice(2).find((a) => !a.startsWith('--'));
const imageDir = folder ? new URL(`file://${resolve(folder)}/`) : new URL('images/', testdata);
const images = readdirSync(imageDir)
  .filter((f) => /\.(jpe?g|png|gif|bmp|tiff?|webp)$/i.test(f))
  .sort();
const backend = createBackend({ workers: 2 });
if (mode === 'md')
  console.log('| image | caption (confidence) | tags, top 5 | TRUTH.md |\n|---|---|---|---|');
try {
  for (const image of images) {
    const bytes = readFileSync(new URL(image, imageDir));
    const r = await backend.analyze(await backend.load(bytes), {
      tags: true,
      description: { maxCandidates: 3 },
      categories: true,
    });
    const captions = r.description?.captions ?? [];
    const best = captions[0];
    const tags = (r.tags ?? []).slice(0, 5).map((t) => `${t.name} ${t.confidence.toFixed(2)}`);
    const what = truth.get(image) ?? '';
    if (mode === 'json')
      console.log(
        JSON.stringify({
          image,
          captions,
          tags: r.tags,
          categories: r.categories?.map((c) => ({ name: c.name, score: c.score })),
          truth: what,
        }),
      );
    else if (mode === 'md')
      console.log(
        `| ${image} | "${best?.text}" (${best?.confidence.toFixed(2)}) | ${tags.join(', ')} | ${what} |`,
      );
    else
      console.log(
        `${image}\n  caption: "${best?.text}" (${best?.confidence.toFixed(3)})` +
          `${
            captions.length > 1
              ? `; then ${captions
                  .slice(1)
                  .map((c) => `"${c.text}" (${c.confidence.toFixed(2)})`)
                  .join(', ')}`
              : ''
          }` +
          `\n  tags:    ${tags.join(', ')}` +
          `\n  categories: ${(r.categories ?? []).map((c) => `${c.name} ${c.score.toFixed(2)}`).join(', ')}` +
          `\n  truth:   ${what}`,
      );
  }
} finally {
  await backend.close();
}
