// Word accuracy of Read (3.2, natural order) on every image with text in testdata/TRUTH.md, per
// image, with tesseract alone, PP-OCR alone and the shipped per-page choice side by side; then
// the images without text (words found: should be none) and the dense page's read time.
// `pnpm --filter @visiongraph/emulator accuracy` (the bench runs it too).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadImage } from '../src/analysis/image/load-image.js';
import { closeText, readText, type TextEngine } from '../src/analysis/text/index.js';
import { wordAccuracy, wordsOf } from '../test/support/word-accuracy.js';

const testdata = new URL('../../../testdata/', import.meta.url);
const truthMd = readFileSync(new URL('TRUTH.md', testdata), 'utf8');
const ENGINES: TextEngine[] = ['tesseract', 'ppocr', 'auto'];

type Kind = 'clean print' | 'handwriting' | 'photo of print' | 'scene text' | 'dense print';
interface Case {
  image: string;
  truth: string;
  kind: Kind;
  /** The truth is an excerpt: words read beyond it are not errors. */
  partial: boolean;
}

/** Rows of the markdown table under `heading`, split into cells. */
function tableRows(heading: string): string[][] {
  const section = truthMd.split(/^## /m).find((s) => s.startsWith(heading)) ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[-| ]+\|$/.test(l))
    .slice(1)
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
}

// TRUTH.md describes these two without a transcript (a magazine page, a PDF); the dense page
// gets an excerpt transcribed by eye below instead.
const DESCRIBED_ONLY = new Set(['rest-read.png', 'csdf-printed_handwritten.pdf']);
// rest-read.png: the banner quote, the first paragraph of each column.
const DENSE_EXCERPT =
  'While healthcare is still in the early stages of its AI journey, we are seeing pharmaceutical and other life sciences organizations making major investments in AI and related technologies. ' +
  'As pharmaceutical and other life sciences organizations invest in and deploy advanced technologies, they are beginning to see benefits in diverse areas across their organizations. ' +
  'Companies are looking to incorporate automation and continuing smart factory investments to reduce costs in drug discovery, research and development, and manufacturing and supply chain management. ' +
  'Many life sciences organizations are also choosing to stay with more virtual approaches in the “new normal” – particularly in clinical trials and sales and marketing areas. ' +
  'Tandem was able to create and deploy this innovation by leveraging the AI and machine learning capabilities of the intelligent cloud. ' +
  'As AI and other technologies continue to advance, potential use cases will multiply. “Speed to value is going to continue to accelerate,” said Lawry.';

function kindOf(image: string, notes: string): Kind {
  if (/handwriting/.test(notes)) return 'handwriting';
  if (/photo|angle|lettering|graphic/.test(notes) || image === 'csdf-type-image.jpg')
    return 'photo of print';
  return 'clean print';
}

const cases: Case[] = [];
const texts = new Map<string, string>();
for (const [images, text, notes] of tableRows('Text')) {
  for (const image of images!.split(',').map((s) => s.trim())) {
    if (DESCRIBED_ONLY.has(image)) continue;
    const same = /^the same text as (\S+)$/.exec(text!);
    const truth = (same ? texts.get(same[1]!) : text)!.replace(/ \/ /g, '\n');
    texts.set(image, truth);
    cases.push({
      image,
      truth: truth.replace(/\s*\.\.\.$/, ''),
      kind: kindOf(image, notes ?? ''),
      partial: truth.endsWith('...'),
    });
  }
}
cases.push({ image: 'rest-read.png', truth: DENSE_EXCERPT, kind: 'dense print', partial: true });
// The second table: "a grey hoodie with the Microsoft logo and name (brand)".
cases.push({
  image: 'csdf-gray-shirt-logo.jpg',
  truth: 'Microsoft',
  kind: 'scene text',
  partial: false,
});
// The Faces table gives the sample photo's small printed label in quotes.
const sampleLabel = /small printed text "([^"]+)"/.exec(
  tableRows('Faces').find(([image]) => image === 'azsdk-sample.jpg')?.[1] ?? '',
)?.[1];
if (sampleLabel)
  cases.push({
    image: 'azsdk-sample.jpg',
    truth: sampleLabel.replace(/ \/ /g, '\n'),
    kind: 'scene text',
    partial: false,
  });
const withText = new Set([...cases.map((c) => c.image), ...DESCRIBED_ONLY]);
const noText = tableRows('Faces')
  .flatMap(([images]) => images!.split(',').map((s) => s.trim()))
  .filter((image, i, all) => !withText.has(image) && all.indexOf(image) === i);

const load = (image: string) => loadImage(readFileSync(new URL(`images/${image}`, testdata)));
async function read(image: string, engine: TextEngine): Promise<{ text: string; ms: number }> {
  const img = await load(image);
  const t = performance.now();
  const pages = await readText(img, { readingOrder: 'natural' }, undefined, engine);
  const ms = performance.now() - t;
  return { text: pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n'), ms };
}

// Warm both readers (model loading is not what is measured).
for (const engine of ENGINES) await read('tjs-testocr.png', engine);

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`.padStart(7);
const pad = (s: string, n: number): string => s.padEnd(n);
console.log(
  'Read 3.2 word accuracy per image (1 - word edit distance / truth words; excerpt rows: share of the excerpt read in order)',
);
console.log(
  `${pad('image', 30)}${pad('kind', 16)}${ENGINES.map((e) => pad(e === 'auto' ? 'shipped' : e, 18)).join('')}`,
);
const totals = new Map<string, { words: number; right: Record<string, number> }>();
const seen: Record<string, Map<string, string>> = {};
for (const c of cases) {
  const cells: string[] = [];
  for (const engine of ENGINES) {
    const { text, ms } = await read(c.image, engine);
    (seen[engine] ??= new Map()).set(c.image, text);
    const acc = wordAccuracy(c.truth, text, { partial: c.partial });
    cells.push(pad(`${pct(acc)} ${ms.toFixed(0).padStart(6)} ms`, 18));
    const t = totals.get(c.kind) ?? { words: 0, right: {} };
    if (engine === ENGINES[0]) t.words += wordsOf(c.truth).length;
    t.right[engine] = (t.right[engine] ?? 0) + acc * wordsOf(c.truth).length;
    totals.set(c.kind, t);
  }
  console.log(`${pad(c.image, 30)}${pad(c.kind, 16)}${cells.join('')}`);
}
console.log('\nper kind (weighted by truth words):');
for (const [kind, t] of totals)
  console.log(
    `${pad(kind, 46)}${ENGINES.map((e) => pad(pct(t.right[e]! / t.words), 18)).join('')}`,
  );
console.log('\nimages without text (words read; should be 0):');
for (const image of noText) {
  const cells: string[] = [];
  for (const engine of ENGINES) {
    const { text } = await read(image, engine);
    cells.push(pad(`${wordsOf(text).length} ${JSON.stringify(text.slice(0, 10))}`, 18));
  }
  console.log(`${pad(image, 46)}${cells.join('')}`);
}
if (process.env.EMULATOR_ACCURACY_SHOW_TEXT)
  for (const c of cases)
    console.log(
      `\n== ${c.image}\n${ENGINES.map((e) => `[${e}] ${seen[e]!.get(c.image)!.replace(/\n/g, ' / ')}`).join('\n')}`,
    );
await closeText();
