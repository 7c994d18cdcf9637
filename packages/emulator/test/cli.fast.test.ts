// The built CLI (`pnpm emulator` runs `node dist/main.js`): prints the URL and key it accepts
// and serves GET /models soon after spawn. Requires `pnpm build` first (turbo's test task does it).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { startStaticServer } from './support/static-server.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

function run(
  args: string[],
  env: Record<string, string> = {},
): { output: () => string; exited: Promise<number | null> } {
  let out = '';
  child = spawn(process.execPath, [MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EMULATOR_ALLOW_PRIVATE_URLS: '', ...env },
  });
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
  return { output: () => out, exited };
}

async function waitFor(
  pattern: RegExp,
  output: () => string,
  ms: number,
): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  for (;;) {
    const m = pattern.exec(output());
    if (m) return m;
    if (Date.now() > until) throw new Error(`no ${pattern} in: ${output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('is built', () => {
  expect(existsSync(MAIN)).toBe(true);
});

it('prints URL and key and serves /models within 5 s of spawn', async () => {
  const started = Date.now();
  const p = run(['--port', '0', '--key', 'cli-test-key']);
  const [, url] = await waitFor(/listening on (http:\/\/\S+)/, p.output, 5_000);
  // The key is printed on a later line than the URL, possibly in a later chunk.
  const [, printedKey] = await waitFor(/Ocp-Apim-Subscription-Key: (\S+)/, p.output, 5_000);
  expect(printedKey).toBe('cli-test-key');
  const res = await fetch(`${url}/vision/v3.2/models`, {
    headers: { 'Ocp-Apim-Subscription-Key': 'cli-test-key' },
  });
  const elapsed = Date.now() - started;
  expect(res.status).toBe(200);
  expect(((await res.json()) as any).models.map((m: { name: string }) => m.name)).toEqual([
    'celebrities',
    'landmarks',
  ]);
  expect(elapsed).toBeLessThan(5_000);
  expect(
    (
      await fetch(`${url}/vision/v3.2/models`, {
        headers: { 'Ocp-Apim-Subscription-Key': 'emulator-key' },
      })
    ).status,
  ).toBe(401);
});

it('applies --rate-limit', async () => {
  const p = run(['--port', '0', '--rate-limit', '1']);
  const [, url] = await waitFor(/listening on (http:\/\/\S+)/, p.output, 5_000);
  const [, printedKey] = await waitFor(/Ocp-Apim-Subscription-Key: (\S+)/, p.output, 5_000);
  expect(printedKey).toBe('emulator-key');
  const headers = { 'Ocp-Apim-Subscription-Key': 'emulator-key' };
  const statuses = [];
  for (let i = 0; i < 3; i += 1)
    statuses.push((await fetch(`${url}/vision/v1.0/models`, { headers })).status);
  expect(statuses).toContain(429);
});

it('fails fast naming a bad option', async () => {
  const p = run(['--port', '70000']);
  expect(await p.exited).toBe(1);
  expect(p.output()).toContain('"port"');
  const q = run(['--gallery', '/does/not/exist']);
  expect(await q.exited).toBe(1);
  expect(q.output()).toContain('"galleryDir"');
});

it('turns the analysis memo off with --no-analysis-memo', async () => {
  const on = run(['--port', '0']);
  await waitFor(/analysis memo: (\S+)/, on.output, 5_000);
  expect(on.output()).toContain('analysis memo: on');
  child?.kill('SIGTERM');
  const off = run(['--port', '0', '--no-analysis-memo']);
  const [, url] = await waitFor(/listening on (http:\/\/\S+)/, off.output, 5_000);
  await waitFor(/analysis memo: (\S+)/, off.output, 5_000);
  expect(off.output()).toContain('analysis memo: off');
  expect(
    (
      await fetch(`${url}/vision/v3.2/models`, {
        headers: { 'Ocp-Apim-Subscription-Key': 'emulator-key' },
      })
    ).status,
  ).toBe(200);
});

it('refuses loopback image URLs unless --allow-private-urls or EMULATOR_ALLOW_PRIVATE_URLS=1', async () => {
  const files = await startStaticServer();
  const statusFor = async (args: string[], env: Record<string, string> = {}) => {
    child?.kill('SIGTERM');
    const p = run(['--port', '0', ...args], env);
    const [, url] = await waitFor(/listening on (http:\/\/\S+)/, p.output, 5_000);
    const res = await fetch(`${url}/vision/v3.2/analyze?visualFeatures=Color`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': 'emulator-key', 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `${files.url}/csdf-house.jpg` }),
    });
    await res.arrayBuffer();
    return { status: res.status, output: p.output() };
  };
  try {
    const closed = await statusFor([]);
    expect(closed.status).toBe(400);
    expect(closed.output).toContain('image URLs: public addresses only');
    expect(files.hits).toEqual([]);
    const flag = await statusFor(['--allow-private-urls']);
    expect(flag.status).toBe(200);
    expect(flag.output).toContain('loopback and private addresses ALLOWED');
    expect((await statusFor([], { EMULATOR_ALLOW_PRIVATE_URLS: '1' })).status).toBe(200);
  } finally {
    await files.close();
  }
});
