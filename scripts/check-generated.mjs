#!/usr/bin/env node
// Runs after the build in `pnpm test`: the build regenerates these checked-in files, so a test that
// compares them with a fresh generation always passes. Here git compares them with what is committed,
// and a difference fails the run (commit the regenerated files). Outside a git checkout it skips.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATED = ['packages/schema/schema.graphql'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function git(args) {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

try {
  git(['rev-parse', '--is-inside-work-tree']);
} catch {
  console.log('check-generated: not a git checkout, skipped');
  process.exit(0);
}

// --porcelain lists changed and new (untracked, not ignored) files alike.
const changed = git(['status', '--porcelain', '--', ...GENERATED]).trimEnd();
if (changed !== '') {
  console.error(
    `check-generated: the build changed generated files that are checked in:\n${changed}\n` +
      `${git(['diff', '--stat', '--', ...GENERATED])}` +
      'Regenerate them (pnpm build) and commit the result with the change that caused it.',
  );
  process.exit(1);
}
console.log(`check-generated: ${GENERATED.join(', ')} match the commit`);
