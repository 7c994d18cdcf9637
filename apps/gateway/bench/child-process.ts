import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** In a forked child: reports `ready` to the parent, and closes and exits when the parent goes. */
export function serveUntilDisconnect(
  ready: Record<string, string>,
  close: () => Promise<void>,
): void {
  process.send!(ready);
  process.once('disconnect', () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

export interface ForkedChild<T> {
  ready: T;
  pid: number;
  stop(): void;
}

/** Forks a bench script (run by tsx, like the bench) and waits for its `ready` message. */
export function forkReady<T>(script: string, env: Record<string, string>): Promise<ForkedChild<T>> {
  return forkAndWait(new URL(script, import.meta.url), ['--import', 'tsx'], env);
}

// `bench:build` compiles the server scripts here (tsconfig.bench.json); the gateway they import
// is its own dist. The same path from bench/ and from bench/dist/.
const BUILT = new URL('../bench/dist/', import.meta.url);

/**
 * The node flags the gateway is deployed with: those of its `serve` script (`node <flags>
 * dist/main.js`, what `pnpm start` runs), read from package.json so the bench cannot drift from it.
 */
export function servedNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', BUILT), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const serve = pkg.scripts['serve'] ?? '';
  return /\bnode\s+(.*?)\s*dist\/main\.js/.exec(serve)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
}

/**
 * Forks a compiled server script (`gateway-process` for bench/dist/gateway-process.js) with plain
 * node, as deployed: no tsx loader, no source-map support. `BENCH_CPU_PROF=<dir>` writes a CPU
 * profile of each child there when it exits.
 */
export async function forkBuilt<T>(
  name: string,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<ForkedChild<T>> {
  const script = new URL(`${name}.js`, BUILT);
  if (!existsSync(script))
    throw new Error(
      `${script.pathname} is missing: run pnpm --filter @visiongraph/gateway bench:build`,
    );
  const profileDir = process.env['BENCH_CPU_PROF'];
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return forkAndWait(script, [...nodeFlags, ...profile], env);
}

async function forkAndWait<T>(
  script: URL,
  execArgv: string[],
  env: Record<string, string>,
): Promise<ForkedChild<T>> {
  // execArgv replaces the parent's own (tsx's loader when the bench runs under tsx).
  const child = fork(script, { execArgv, env: { ...process.env, ...env }, stdio: 'inherit' });
  const ready = await new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) =>
      reject(new Error(`${script.pathname} exited with ${code} before it was ready`)),
    );
  });
  return { ready, pid: child.pid ?? 0, stop: () => child.disconnect() };
}
