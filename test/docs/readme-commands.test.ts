// Runs the server commands the READMEs document (`pnpm start`, `pnpm emulator ...`) exactly as
// written, from the repository root, and checks what a user sees: the listening line, a working
// endpoint, and a clean Ctrl-C (exit 0, no pnpm/npm warnings or failure banners).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READMES = [
  'README.md',
  'packages/emulator/README.md',
  'packages/core/README.md',
  'apps/gateway/README.md',
];

/** Shell lines inside fenced blocks that start a server with pnpm, comments stripped. */
function documentedServerCommands(): Array<{ readme: string; command: string }> {
  const found = new Map<string, string>();
  for (const readme of READMES) {
    const text = readFileSync(path.join(ROOT, readme), 'utf8');
    for (const block of text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
      for (const raw of block[1]!.split('\n')) {
        const command = raw.replace(/\s+#.*$/, '').trim();
        if (/^pnpm (start|emulator)\b/.test(command) && !found.has(command))
          found.set(command, readme);
      }
    }
  }
  return [...found].map(([command, readme]) => ({ command, readme }));
}

function onPath(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  return found === '' ? undefined : found;
}

/** A `pnpm` on PATH that is the pnpm running this suite (CI has none on PATH, only `npx pnpm`). */
function pnpmShimDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vg-pnpm-'));
  const execPath = process.env['npm_execpath'];
  // `npx pnpm` would put npm and a shell between the terminal's Ctrl-C and pnpm; only a last resort.
  const target =
    execPath && /pnpm/.test(execPath)
      ? `node "${execPath}"`
      : (onPath('pnpm') ?? 'npx -y pnpm@10.34.9');
  writeFileSync(path.join(dir, 'pnpm'), `#!/bin/sh\nexec ${target} "$@"\n`);
  chmodSync(path.join(dir, 'pnpm'), 0o755);
  return dir;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const SHIM = pnpmShimDir();

/** Runs `command` in its own process group (like a terminal would), returns output and a stop. */
function run(command: string, env: Record<string, string> = {}) {
  const child = spawn('sh', ['-c', `exec ${command}`], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, ...env, PATH: `${SHIM}:${process.env['PATH'] ?? ''}`, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return {
    output: () => output,
    exited,
    async waitFor(pattern: RegExp, timeoutMs = 150_000): Promise<RegExpMatchArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = output.match(pattern);
        if (match) return match;
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`"${command}" never printed ${pattern}:\n${output}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** Ctrl-C: SIGINT to the whole process group, as a terminal sends it. */
    interrupt: () => process.kill(-child.pid!, 'SIGINT'),
  };
}

// What a terminal shows after Ctrl-C is the output, not the status: pnpm itself sometimes ends by
// the signal it was sent (a shell prints nothing for that), and otherwise exits 0. A failure
// banner or warning in the output is what the user sees, and NOISE below catches it.
const CLEAN_EXIT: Array<number | string> = [0, 'SIGINT'];

const NOISE = /ERR_PNPM|ELIFECYCLE|WARN|Unknown project config|Command failed/;

describe('the commands the READMEs document', () => {
  const commands = documentedServerCommands();

  it('finds the start and emulator commands', () => {
    expect(commands.map((c) => c.command)).toEqual(
      expect.arrayContaining([
        'pnpm start',
        'pnpm emulator',
        'pnpm emulator -- --port 0 --key my-key --rate-limit 20',
      ]),
    );
  });

  for (const { command, readme } of commands.filter((c) => c.command.startsWith('pnpm emulator'))) {
    it(`${command} (${readme}) listens, answers with its key, and stops cleanly on Ctrl-C`, async () => {
      const fixedPort = command.includes('--port') ? undefined : 5000;
      if (fixedPort !== undefined && !(await portIsFree(fixedPort))) {
        console.warn(`port ${fixedPort} is taken on this machine; "${command}" not run`);
        return;
      }
      const proc = run(command);
      const [, url] = await proc.waitFor(/listening on (http:\/\/\S+)/);
      const [, key] = await proc.waitFor(/Ocp-Apim-Subscription-Key: (\S+)/);
      expect(key).toBe(command.match(/--key (\S+)/)?.[1] ?? 'emulator-key');
      const res = await fetch(`${url}/vision/v3.2/models`, {
        headers: { 'Ocp-Apim-Subscription-Key': key! },
      });
      expect(res.status).toBe(200);
      proc.interrupt();
      expect(CLEAN_EXIT).toContain(await proc.exited);
      expect(proc.output()).not.toMatch(NOISE);
    }, 240_000);
  }

  it('pnpm start serves GraphQL and stops cleanly on Ctrl-C', async () => {
    expect(commands.some((c) => c.command === 'pnpm start')).toBe(true);
    const proc = run('pnpm start', { PORT: '0', LOG_LEVEL: 'info' });
    const [, url] = await proc.waitFor(/"msg":"gateway listening","url":"(http:\/\/[^"]+)"/);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    proc.interrupt();
    expect(CLEAN_EXIT).toContain(await proc.exited);
    expect(proc.output()).toMatch(/"msg":"stopped"/);
    expect(proc.output()).not.toMatch(NOISE);
  }, 240_000);
});
