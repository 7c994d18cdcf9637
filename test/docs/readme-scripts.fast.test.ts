// Every pnpm command the READMEs and docs/ show in code (`pnpm <script>`, `pnpm --filter <pkg>
// <script>`) names a package of the workspace and a script it has, or a pnpm command, so a renamed
// script or package cannot leave a command that fails with "Command not found". Fast: reads files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const MARKDOWN = [
  'README.md',
  'test/README.md',
  ...['packages', 'apps', 'examples'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir)).map((name) => `${dir}/${name}/README.md`),
  ),
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
].filter((file) => existsSync(path.join(ROOT, file)));

// pnpm's own commands the docs use, and binaries of the root's devDependencies (`pnpm turbo`).
const PNPM_COMMANDS = new Set(['install', 'exec', 'deploy', 'turbo']);

interface Manifest {
  name: string;
  scripts?: Record<string, string>;
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;
const root = read(path.join(ROOT, 'package.json'));
const packages = new Map(
  ['packages', 'apps', 'examples', '.']
    .flatMap((dir) =>
      dir === '.'
        ? ['test', 'testdata']
        : readdirSync(path.join(ROOT, dir)).map((name) => `${dir}/${name}`),
    )
    .filter((dir) => existsSync(path.join(ROOT, dir, 'package.json')))
    .map((dir) => {
      const manifest = read(path.join(ROOT, dir, 'package.json'));
      return [manifest.name, { dir, scripts: manifest.scripts ?? {} }] as const;
    }),
);

/** Code in a Markdown file: fenced blocks and inline `spans`. */
function codeOf(text: string): string[] {
  const fenced = [...text.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const rest = text.replace(/```\w*\n[\s\S]*?```/g, '');
  return [...fenced, ...[...rest.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)];
}

interface Command {
  file: string;
  pkg: string | undefined;
  scripts: string[];
}

function documentedCommands(): Command[] {
  const found: Command[] = [];
  for (const file of MARKDOWN) {
    for (const code of codeOf(readFileSync(path.join(ROOT, file), 'utf8'))) {
      // `pnpm --filter @visiongraph/core build | typecheck | test` lists several scripts.
      const pattern = /\bpnpm (?:--filter ([@\w/.-]+) )?([\w:-]+(?: \| [\w:-]+)*)/g;
      for (const [, pkg, scripts] of code.matchAll(pattern)) {
        const command = { file, pkg, scripts: scripts!.split(' | ') };
        if (!found.some((c) => JSON.stringify(c) === JSON.stringify(command))) found.push(command);
      }
    }
  }
  return found;
}

const commands = documentedCommands();
// The typed consumer's README and recipe run its own scripts after `cd examples/typed-consumer`.
const TYPED_CONSUMER = '@visiongraph/example-typed-consumer';
const typedConsumerDocs = new Set(['examples/typed-consumer/README.md', 'docs/TYPED-CLIENTS.md']);

describe('pnpm commands in the READMEs and docs/', () => {
  it('finds the root, filtered and typed-consumer commands', () => {
    const shown = new Set(commands.map((c) => `${c.pkg ?? ''} ${c.scripts.join('|')}`));
    for (const expected of [
      ' start',
      ' emulator',
      '@visiongraph/emulator captions',
      '@visiongraph/playground dev',
      ' generate',
    ])
      expect(shown).toContain(expected);
  });

  for (const { file, pkg, scripts } of commands) {
    for (const script of scripts) {
      it(`${file}: pnpm ${pkg ? `--filter ${pkg} ` : ''}${script}`, () => {
        if (PNPM_COMMANDS.has(script)) return;
        if (pkg) {
          expect([...packages.keys()]).toContain(pkg);
          expect(Object.keys(packages.get(pkg)!.scripts)).toContain(script);
          return;
        }
        const own =
          typedConsumerDocs.has(file) && script in (packages.get(TYPED_CONSUMER)?.scripts ?? {});
        if (!own) expect(Object.keys(root.scripts ?? {})).toContain(script);
      });
    }
  }
});
