// The typed-consumer recipe (docs/TYPED-CLIENTS.md) kept honest: examples/typed-consumer, a project
// with its own NodeNext and Bundler tsconfigs (none of the workspace's settings), generates its
// types with graphql-codegen from the checked-in SDL, compiles under both, and its compiled
// program asks a real gateway about an image.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../gateway/helpers/stack.js';

const run = promisify(execFile);
const EXAMPLE = fileURLToPath(new URL('../../examples/typed-consumer/', import.meta.url));
const bin = (name: string) => path.join(EXAMPLE, 'node_modules/.bin', name);
const IMAGE = fileURLToPath(new URL('../../testdata/images/csdf-dog.jpg', import.meta.url));

let stack: Stack;
beforeAll(async () => {
  rmSync(path.join(EXAMPLE, 'src/gql'), { recursive: true, force: true });
  rmSync(path.join(EXAMPLE, 'dist'), { recursive: true, force: true });
  stack = await startStack();
}, 120_000);
afterAll(() => stack?.close());

describe('a typed consumer outside the workspace settings', () => {
  it('generates its types, compiles under NodeNext and Bundler, and reads an image', async () => {
    await run(bin('graphql-codegen'), ['--config', 'codegen.ts'], { cwd: EXAMPLE });
    await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: EXAMPLE });
    await run(bin('tsc'), ['-p', 'tsconfig.bundler.json'], { cwd: EXAMPLE });

    const { stdout } = await run(
      process.execPath,
      ['dist/describe-image.js', stack.gateway.url, stack.image('csdf-dog.jpg')],
      { cwd: EXAMPLE },
    );
    const { width, height } = await sharp(IMAGE).metadata();
    expect(stdout).toContain(`size: ${width}x${height}`);
    expect(stdout).toMatch(/caption: \S+/);
    expect(stdout).not.toContain('caption: (none)');
  }, 240_000);

  it('types are real: reading a field the query did not select fails to compile', async () => {
    const probe = path.join(EXAMPLE, 'src/wrong-field.ts');
    writeFileSync(
      probe,
      "import type { DescribeImageQuery } from './gql/graphql.js';\n" +
        'export const colour = (q: DescribeImageQuery) => q.image?.color;\n',
    );
    try {
      const failure = await run(
        bin('tsc'),
        ['--noEmit', '-p', 'tsconfig.json', '--pretty', 'false'],
        {
          cwd: EXAMPLE,
        },
      ).then(
        () => undefined,
        (error: { stdout: string }) => error.stdout,
      );
      expect(failure).toMatch(/wrong-field\.ts.*error TS2339: Property 'color' does not exist/);
    } finally {
      rmSync(probe, { force: true });
    }
  }, 120_000);
});
