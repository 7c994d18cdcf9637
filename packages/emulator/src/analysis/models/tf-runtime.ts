// Shared TensorFlow.js setup for the model worker: every tfjs-based library in this process
// (human, face-api, nsfwjs) resolves the same @tensorflow/tfjs-core, so one wasm backend serves all.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Tf from '@tensorflow/tfjs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const requireCjs = createRequire(import.meta.url);

/** The one tfjs every tfjs-based library in this worker resolves (human, face-api, nsfwjs). */
export const sharedTf = (): typeof Tf => requireCjs('@tensorflow/tfjs') as typeof Tf;

/** Root folder of an installed package (works when its `exports` hide package.json). */
export function packageRoot(name: string): string {
  let dir = path.dirname(requireCjs.resolve(name));
  while (path.basename(dir) !== name.split('/').pop()) dir = path.dirname(dir);
  return dir;
}

/** Folder holding tfjs-backend-wasm's .wasm binaries, with a trailing slash. */
export function wasmDir(): string {
  return path.dirname(requireCjs.resolve('@tensorflow/tfjs-backend-wasm')) + '/';
}

export function fileUrlOf(dir: string): string {
  return pathToFileURL(dir).href + '/';
}

let shimmed = false;
/**
 * tfjs without tfjs-node has no file:// loader and Node's fetch refuses file URLs, so model
 * weights and wasm binaries are served from disk here. Only file:// is intercepted; this runs in
 * the model worker, never on the HTTP thread.
 */
export function installFileFetch(): void {
  if (shimmed) return;
  shimmed = true;
  const real = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) return real(input, init);
    return new Response(await readFile(fileURLToPath(url)));
  }) as typeof fetch;
}

let wasmReady: Promise<void> | undefined;
/** Selects the wasm backend on the shared tfjs-core (a plain directory path needs no fetch). */
export function ensureWasmBackend(): Promise<void> {
  wasmReady ??= (async () => {
    const wasm = requireCjs('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(p: string): void };
    const tf = sharedTf();
    wasm.setWasmPaths(wasmDir());
    await tf.setBackend('wasm');
    await tf.ready();
  })();
  return wasmReady;
}
