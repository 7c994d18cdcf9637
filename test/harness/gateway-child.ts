// The gateway under test, as a child process of the suite: its own memory (RSS is measured on
// it alone), its own crash, and any checkout's build (so the same attacks can be run against an
// older commit). Both ways preload sandbox-network.mjs (no traffic leaves the machine).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SANDBOX = fileURLToPath(new URL('./sandbox-network.mjs', import.meta.url));
const RUNNER = fileURLToPath(new URL('./gateway-runner.mjs', import.meta.url));
/** The checkout this file belongs to. */
export const THIS_CHECKOUT = fileURLToPath(new URL('../..', import.meta.url));

export interface GatewayChild {
  url: string;
  pid: number;
  /** Resident set size now, in MB (from /proc). */
  rssMb(): number;
  stderr(): string;
  /** `address:port` of every connection the sandbox refused (the gateway tried to go out). */
  egress(): string[];
  unhandledRejections(): string[];
  /** Exit code or signal once the process is gone, else undefined. */
  exit(): number | string | undefined;
  close(): Promise<void>;
}

const STDOUT_KEEP = 256 * 1024;

function spawnChild(
  args: string[],
  env: Record<string, string>,
  isReady: (line: any) => string | undefined,
) {
  const child = spawn(process.execPath, ['--import', SANDBOX, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let exit: number | string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = code ?? signal ?? 'unknown';
      resolve();
    }),
  );
  const ready = new Promise<string>((resolve, reject) => {
    let pending = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out = (out + chunk).slice(-STDOUT_KEEP);
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (!line.startsWith('{')) continue;
        try {
          const url = isReady(JSON.parse(line));
          if (url) resolve(url);
        } catch {
          // not JSON: ignore
        }
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    exited.then(
      () => reject(new Error(`gateway exited (${exit}) before listening:\n${err}\n${out}`)),
      reject,
    );
    setTimeout(
      () => reject(new Error(`gateway did not listen within 60 s:\n${err}`)),
      60_000,
    ).unref();
  });
  const marked = (tag: string) =>
    err
      .split('\n')
      .filter((l) => l.startsWith(`VG-SANDBOX ${tag} `))
      .map((l) => l.slice(`VG-SANDBOX ${tag} `.length));
  return ready.then(
    (url): GatewayChild => ({
      url,
      pid: child.pid!,
      rssMb: () => rssMbOf(child.pid!),
      stderr: () => err,
      egress: () => marked('egress'),
      unhandledRejections: () => marked('unhandled-rejection'),
      exit: () => exit,
      async close() {
        if (exit === undefined) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      },
    }),
    (error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    },
  );
}

/** `node apps/gateway/dist/main.js` of `checkout` (what `pnpm start` runs), configured by `env`. */
export function startGatewayProcess(
  checkout: string,
  env: Record<string, string> = {},
): Promise<GatewayChild> {
  const main = `${checkout.replace(/\/$/, '')}/apps/gateway/dist/main.js`;
  return spawnChild([main], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }, (line) =>
    line.msg === 'gateway listening' ? String(line.url) : undefined,
  );
}

/** `startGateway(options)` of `checkout`, for options that have no environment variable. */
export function startGatewayWithOptions(
  checkout: string,
  options: Record<string, unknown>,
  env: Record<string, string> = {},
): Promise<GatewayChild> {
  return spawnChild([RUNNER, checkout, JSON.stringify(options)], env, (line) =>
    line.runner === 'listening' ? String(line.url) : undefined,
  );
}

export function rssMbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** Samples `read()` every `everyMs` until stopped; `stop()` returns the highest value seen. */
export function samplePeak(read: () => number, everyMs = 50): { stop(): number } {
  let peak = read();
  const timer = setInterval(() => (peak = Math.max(peak, read())), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, read());
    },
  };
}
