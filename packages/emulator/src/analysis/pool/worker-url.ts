// How to start the model worker. Built code runs dist/.../model-worker.js directly; tests and tsx
// run the TypeScript source, which a worker thread can only load after registering tsx's ESM hooks.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function modelWorkerEntry(): { entry: URL | string; eval: boolean } {
  return workerEntry(new URL('./model-worker.js', import.meta.url));
}

/** How to start a worker whose built entry is `built` (a `.js` URL beside its `.ts` source). */
export function workerEntry(built: URL): { entry: URL | string; eval: boolean } {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) return { entry: built, eval: false };
  const entry = built.href.replace(/\.js$/, '.ts');
  // The "import" condition of tsx's `./esm/api` export (require.resolve would pick the CJS one).
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  return { entry: boot, eval: true };
}
