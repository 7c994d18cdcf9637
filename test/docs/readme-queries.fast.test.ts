// Every GraphQL document the READMEs and docs/ show (```graphql blocks, the queries inside curl
// bodies, and the query strings of TypeScript samples) parses and validates against the
// checked-in SDL, so a renamed field or argument cannot leave a sample that no longer runs.
// No server, no models: a fast file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const MARKDOWN = [
  'README.md',
  ...['packages', 'apps', 'examples'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir)).map((name) => `${dir}/${name}/README.md`),
  ),
  'test/README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
].filter((file) => {
  try {
    readFileSync(path.join(ROOT, file));
    return true;
  } catch {
    return false;
  }
});

// The gateway serves the schema with yoga's defer/stream plugin, which adds these directives.
const SCHEMA = buildSchema(
  `${readFileSync(path.join(ROOT, 'packages/schema/schema.graphql'), 'utf8')}
directive @defer(if: Boolean! = true, label: String) on FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @stream(if: Boolean! = true, label: String, initialCount: Int = 0) on FIELD`,
);

interface Sample {
  file: string;
  source: string;
}

/** A shell-quoted curl body ('…' after -d or operations=) read as the JSON it sends. */
function queriesInShell(block: string): string[] {
  const found: string[] = [];
  for (const [, body] of block.matchAll(/(?:-d |operations=)'([^']*)'/g)) {
    const json = JSON.parse(body!) as { query?: unknown };
    if (typeof json.query === 'string') found.push(json.query);
  }
  return found;
}

/** Query strings of a TypeScript sample; `${…}` interpolations stand for a URL. */
function queriesInTypeScript(block: string): string[] {
  const patterns = [
    /\b(?:query|source):\s*(['`])([\s\S]*?)\1/g,
    /\bgraphql\(\s*`([\s\S]*?)`\s*\)/g,
  ];
  const found: string[] = [];
  for (const pattern of patterns) {
    for (const match of block.matchAll(pattern)) {
      const text = match[match.length - 1]!;
      if (/^\s*(query\b|mutation\b|\{)/.test(text)) found.push(text.replace(/\$\{[^}]*\}/g, 'x'));
    }
  }
  return found;
}

function documentedQueries(): Sample[] {
  const samples: Sample[] = [];
  for (const file of MARKDOWN) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, lang, block] of text.matchAll(/```(\w*)\n([\s\S]*?)```/g)) {
      const sources =
        lang === 'graphql'
          ? [block!]
          : lang === 'sh' || lang === 'bash'
            ? queriesInShell(block!)
            : lang === 'ts'
              ? queriesInTypeScript(block!)
              : [];
      for (const source of sources) samples.push({ file, source });
    }
  }
  return samples;
}

const samples = documentedQueries();

describe('GraphQL in the READMEs and docs/', () => {
  it('finds the samples of the root README, the gateway, the schema and the typed-client recipe', () => {
    const files = new Set(samples.map((s) => s.file));
    for (const file of [
      'README.md',
      'apps/gateway/README.md',
      'packages/schema/README.md',
      'docs/TYPED-CLIENTS.md',
    ])
      expect(files).toContain(file);
    expect(samples.length).toBeGreaterThanOrEqual(7);
  });

  for (const { file, source } of samples) {
    const firstLine = source.trim().split('\n')[0]!.slice(0, 60);
    it(`${file}: ${firstLine}`, () => {
      const errors = validate(SCHEMA, parse(source)).map((e) => e.message);
      expect(errors).toEqual([]);
    });
  }
});
