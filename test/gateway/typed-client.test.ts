import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { countByOperation, useStack } from './helpers/stack.js';

const CLIENT = fileURLToPath(
  new URL('../../apps/gateway/dist/examples/typed-client.js', import.meta.url),
);
const run = promisify(execFile);

const stack = useStack();

describe('typed client example (graphql-codegen client preset)', { timeout: 120_000 }, () => {
  it('asks a running gateway about an image and prints the typed result', async () => {
    const image = stack.image('csdf-faces.jpg');
    const before = stack.calls.length;
    const { stdout } = await run(process.execPath, [CLIENT, stack.gateway.url, image]);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(`${image} (600x462)`);
    expect(lines[1]).toMatch(/^caption: .+ \(0\.\d\d\)$/);
    expect(lines[2]).toMatch(/^tags: \w/);
    expect(Number(/^faces: (\d+)$/.exec(lines[3] ?? '')?.[1])).toBeGreaterThan(0);
    expect(countByOperation(stack.calls.slice(before))).toEqual({ analyze: 1 });
  });

  it('prints coded errors and exits 1 when the image cannot be read', async () => {
    const failure = await run(process.execPath, [
      CLIENT,
      stack.gateway.url,
      stack.image('missing.jpg'),
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('error INVALID_IMAGE at image.');
  });
});
