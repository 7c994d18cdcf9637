#!/usr/bin/env node
// Every locked package must install without EBADENGINE on every Node release line the project
// supports (root package.json "engines"): checked at the first release of each supported major.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const supported = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;

// Packages whose engines field is known to be wrong or irrelevant here, and why.
const EXCEPTIONS = new Map([
  // Pins one exact Node version ("22.13.0"); runs on 20, 22 and 24 (its weights are plain JS).
  ['nsfwjs', 'engines pins exactly 22.13.0'],
  // Only installed on 32-bit Windows, which the project does not support.
  ['@img/sharp-win32-ia32', '32-bit Windows binary'],
]);

const firstOfEachMajor = [20, 22, 24, 26]
  .map((major) => {
    for (let minor = 0; minor < 60; minor++) {
      const v = `${major}.${minor}.0`;
      if (semver.satisfies(v, supported)) return v;
    }
    return undefined;
  })
  .filter(Boolean);

const lock = readFileSync(path.join(root, 'pnpm-lock.yaml'), 'utf8');
const packages = lock.split('\npackages:\n')[1]?.split('\nsnapshots:\n')[0] ?? '';
const problems = [];
for (const [, id, body] of packages.matchAll(/\n {2}([^\n]+):\n((?: {4}[^\n]*\n)+)/g)) {
  const range = body.match(/engines: \{node: '?([^'}]+?)'?[,}]/)?.[1];
  if (!range) continue;
  const name = id.replace(/^'|'$/g, '').replace(/@[^@]+$/, '');
  if (EXCEPTIONS.has(name)) continue;
  const failing = firstOfEachMajor.filter((v) => !semver.satisfies(v, range));
  if (failing.length > 0)
    problems.push(`${id}: engines node "${range}" excludes ${failing.join(', ')}`);
}

if (problems.length > 0) {
  console.error(`Locked packages that do not support Node ${supported}:\n${problems.join('\n')}`);
  process.exit(1);
}
