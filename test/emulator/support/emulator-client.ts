// A started emulator plus the calls the tests make against it over loopback HTTP.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@visiongraph/emulator';

export interface Client extends RunningEmulator {
  post(path: string, body: Buffer | string, contentType?: string): Promise<Response>;
  get(url: string): Promise<Response>;
  /** GETs an Operation-Location until `done(body)` (at most ~60 s); returns every body seen. */
  poll(location: string, done: (body: any) => boolean): Promise<any[]>;
}

export async function startClient(options: EmulatorOptions = {}): Promise<Client> {
  const emu = await startEmulator({ port: 0, ...options });
  const headers = { 'Ocp-Apim-Subscription-Key': emu.key };
  const get = (url: string): Promise<Response> =>
    fetch(url.startsWith('http') ? url : emu.url + url, { headers });
  return {
    ...emu,
    get,
    post: (path, body, contentType = 'application/octet-stream') =>
      fetch(emu.url + path, {
        method: 'POST',
        body: typeof body === 'string' ? body : new Uint8Array(body),
        headers: { ...headers, 'Content-Type': contentType },
      }),
    async poll(location, done) {
      const seen: any[] = [];
      for (let i = 0; i < 600; i += 1) {
        const body = await (await get(location)).json();
        seen.push(body);
        if (done(body)) return seen;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`operation did not finish: ${JSON.stringify(seen.at(-1))}`);
    },
  };
}
