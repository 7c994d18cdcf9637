// Starts a real emulator on loopback for a test file and gives small request helpers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/index.js';

export const IMAGES = fileURLToPath(new URL('../../../../testdata/images/', import.meta.url));
export const image = (name: string): Buffer => readFileSync(IMAGES + name);

export interface Harness extends RunningEmulator {
  /** POST bytes (octet-stream unless a content type is given). */
  post(
    path: string,
    body: Buffer | string,
    contentType?: string,
    headers?: Record<string, string>,
  ): Promise<Response>;
  postUrl(path: string, url: string): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator({ port: 0, ...options });
  const auth = { 'Ocp-Apim-Subscription-Key': emu.key };
  const post: Harness['post'] = (
    path,
    body,
    contentType = 'application/octet-stream',
    headers = {},
  ) =>
    fetch(emu.url + path, {
      method: 'POST',
      body,
      headers: { ...auth, 'Content-Type': contentType, ...headers },
    });
  return {
    ...emu,
    post,
    postUrl: (path, url) => post(path, JSON.stringify({ url }), 'application/json'),
    get: (path, headers = {}) => fetch(emu.url + path, { headers: { ...auth, ...headers } }),
  };
}
