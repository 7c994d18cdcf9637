#!/usr/bin/env node
// Project rules that the compiler does not check. Prints each violation as file:line and exits 1.
//  - packages import each other by their public entry, never by `@visiongraph/<pkg>/src/...`;
//  - nothing reaches outside the repository (a user's clone has no ../shared);
//  - every package has a README with a runnable example (a fenced code block).
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspaces = ['packages', 'apps']
  .flatMap((dir) => readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)))
  .concat(path.join(root, 'test'));
const SKIP = new Set(['node_modules', 'dist', 'gql', 'test-results', '.turbo', 'generated']);
const problems = [];

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) yield full;
  }
}

const importSpec = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
for (const ws of workspaces) {
  for (const file of sourceFiles(ws)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const where = `${path.relative(root, file)}:${i + 1}`;
      for (const [, spec] of line.matchAll(importSpec)) {
        if (/^@visiongraph\/[^/]+\/src(\/|$)/.test(spec))
          problems.push(
            `${where}: import '${spec}' reaches into another package's src; use its public entry`,
          );
        if (
          spec.startsWith('.') &&
          !path.resolve(path.dirname(file), spec).startsWith(root + path.sep)
        ) {
          problems.push(`${where}: import '${spec}' points outside the repository`);
        }
      }
      if (
        /['"`][^'"`]*\.\.\/shared\/(spec|testdata|DESIGN|TOOLCHAIN)/.test(line) ||
        /\/work\/shared\b/.test(line)
      ) {
        problems.push(
          `${where}: reads ../shared, which a user's clone does not have; use the repo's copy`,
        );
      }
    });
  }
  const readme = path.join(ws, 'README.md');
  if (ws.endsWith(`${path.sep}test`)) continue;
  if (!existsSync(readme) || !statSync(readme).isFile())
    problems.push(`${path.relative(root, ws)}: no README.md`);
  else if (!/```/.test(readFileSync(readme, 'utf8')))
    problems.push(`${path.relative(root, readme)}: no runnable example (fenced code block)`);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`lint: ${workspaces.length} workspaces clean`);
