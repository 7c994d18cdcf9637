import { fork } from 'node:child_process';

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

/** Forks a bench script (run by tsx, like the bench) and waits for its `ready` message. */
export async function forkReady<T>(
  script: string,
  env: Record<string, string>,
): Promise<{ ready: T; pid: number; stop(): void }> {
  const child = fork(new URL(script, import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  const ready = await new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) =>
      reject(new Error(`${script} exited with ${code} before it was ready`)),
    );
  });
  return { ready, pid: child.pid ?? 0, stop: () => child.disconnect() };
}
