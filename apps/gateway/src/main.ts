// The gateway's entry point: the only place that reads the environment, listens, and handles
// signals. Everything else is in startGateway/createGateway so tests can run it in-process.
import { ConfigError } from './config/config-error.js';
import { loadConfig, type EnvConfig } from './config/load-config.js';

let config: EnvConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`visiongraph gateway: invalid configuration: ${error.message}\n`);
  process.exit(1);
}

// Imported after validation, so a configuration mistake is reported without loading yoga & co.
// Tracing first: the SDK must be registered before the code it traces runs.
const { setupTracing } = await import('./tracing/setup-tracing.js');
const stopTracing = setupTracing(process.env);
const { startGateway } = await import('./start-gateway.js');
const running = await startGateway(config).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`visiongraph gateway: could not start: ${message}\n`);
  process.exit(1);
});

// One Ctrl-C reaches us several times (the terminal signals the whole process group and pnpm
// forwards it again): only a second press, a moment later, means "now".
const REPEAT_MEANS_NOW_MS = 1000;
let stoppingSince: number | undefined;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince > REPEAT_MEANS_NOW_MS) process.exit(130);
      return;
    }
    stoppingSince = Date.now();
    running.logger.info('shutting down: finishing requests in flight', { signal });
    running
      .close()
      .then(() => stopTracing?.())
      .then(
        () => {
          running.logger.info('stopped', { signal });
          process.exit(0);
        },
        (error: unknown) => {
          running.logger.error('shutdown failed', { error });
          process.exit(1);
        },
      );
  });
}
