// Starts the gateway of any checkout with options that have no environment variable (core's
// rate limit, timeouts, polling), for the fault storms:
//   node gateway-runner.mjs <checkout dir> '<startGateway options as JSON>'
// Prints one JSON line `{"runner":"listening","url":...}` when it listens; SIGTERM closes it.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [checkout, json] = process.argv.slice(2);
if (!checkout || !json) {
  process.stderr.write('usage: gateway-runner.mjs <checkout dir> <options JSON>\n');
  process.exit(2);
}
const entry = pathToFileURL(join(checkout, 'apps/gateway/dist/index.js')).href;
const { startGateway } = await import(entry);
const gateway = await startGateway(JSON.parse(json));
process.stdout.write(`${JSON.stringify({ runner: 'listening', url: gateway.url })}\n`);
process.once('SIGTERM', () => {
  gateway.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
