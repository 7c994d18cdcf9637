// CLI: `visiongraph-emulator [--port 5000] [--host 127.0.0.1] [--key k] [--gallery dir] [--rate-limit n] [--latency ms] [--no-analysis-memo] [--allow-private-urls]`.
// The only place that reads argv and the environment, and listens. Models load on first use, so it is up at once.
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator.js';
import { EmulatorOptionsError, type EmulatorOptions } from './options.js';

const USAGE = `Usage: visiongraph-emulator [options]
  --port <n>          port to listen on (default 5000; 0 picks a free one)
  --host <addr>       interface to listen on (default 127.0.0.1)
  --key <key>         subscription key to accept (default emulator-key)
  --gallery <dir>     extra reference images for celebrities and landmarks
  --rate-limit <n>    requests per second before 429 (default off)
  --latency <ms>      hold every answer back this long, like a remote region (default 0)
  --no-analysis-memo  recompute every answer instead of reusing results of recently seen images
  --allow-private-urls  let image URLs reach loopback and private addresses (local development
                      only; also EMULATOR_ALLOW_PRIVATE_URLS=1). Link-local and metadata stay refused
  --help              show this help`;

const REPEAT_MEANS_NOW_MS = 1000;

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new EmulatorOptionsError(flag, `"${value}" is not a number`);
  return n;
}

// `pnpm emulator -- --port 5000` hands us `-- --port 5000`: npm and pnpm users type the `--` out of
// habit, and parseArgs would read everything after it as positionals.
function withoutLeadingSeparator(args: string[]): string[] {
  return args[0] === '--' ? args.slice(1) : args;
}

function envFlag(name: string): boolean {
  const raw = process.env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || ['0', 'false', 'off', 'no'].includes(raw)) return false;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  throw new EmulatorOptionsError(name, `must be 1 or 0, got "${raw}"`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: withoutLeadingSeparator(process.argv.slice(2)),
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      key: { type: 'string' },
      gallery: { type: 'string' },
      'rate-limit': { type: 'string' },
      latency: { type: 'string' },
      'no-analysis-memo': { type: 'boolean' },
      'allow-private-urls': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const options: EmulatorOptions = {};
  const port = number('--port', values.port);
  if (port !== undefined) options.port = port;
  if (values.host !== undefined) options.host = values.host;
  if (values.key !== undefined) options.key = values.key;
  if (values.gallery !== undefined) options.galleryDir = values.gallery;
  const rate = number('--rate-limit', values['rate-limit']);
  if (rate !== undefined) options.rateLimit = rate;
  const latency = number('--latency', values.latency);
  if (latency !== undefined) options.latencyMs = latency;
  if (values['no-analysis-memo']) options.analysisMemo = false;
  if (values['allow-private-urls'] || envFlag('EMULATOR_ALLOW_PRIVATE_URLS'))
    options.allowPrivateUrls = true;

  const emulator = await startEmulator(options);
  console.log(`Azure AI Vision emulator listening on ${emulator.url}`);
  console.log(`  v3.2: ${emulator.url}/vision/v3.2/   v1.0: ${emulator.url}/vision/v1.0/`);
  console.log(`  Ocp-Apim-Subscription-Key: ${emulator.key}`);
  console.log(
    options.allowPrivateUrls
      ? '  image URLs: loopback and private addresses ALLOWED (local development only)'
      : '  image URLs: public addresses only (--allow-private-urls opens loopback and private ones)',
  );
  console.log(
    `  analysis memo: ${options.analysisMemo === false ? 'off' : 'on (--no-analysis-memo turns it off)'}`,
  );
  let stoppingSince: number | undefined;
  const stop = (): void => {
    // One Ctrl-C reaches us several times (the terminal signals the whole process group and pnpm
    // forwards it again): only a second press, a moment later, means "now".
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince > REPEAT_MEANS_NOW_MS) process.exit(130);
      return;
    }
    stoppingSince = Date.now();
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  if (
    !(err instanceof EmulatorOptionsError) &&
    (err as NodeJS.ErrnoException)?.code !== 'EADDRINUSE'
  )
    console.error(USAGE);
  process.exit(1);
});
