// The README's example queries name http://localhost:4000/examples/...; a user who opened the
// gateway at http://127.0.0.1:4000 (or [::1]) pastes them as they are. The gateway answers its
// own example images from disk whichever loopback name the URL uses, since the emulator refuses
// every loopback URL; a request to a non-loopback Host gets nothing of the kind.
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { stubEmulator, useStack, type GraphQLResult } from './helpers/stack.js';

const stack = useStack({}, stubEmulator());

/** The README's first query, its URL on `host` (and of another example `file`). */
const readmeQuery = (host: string, file = 'csdf-dog.jpg') =>
  `{ image(url: "http://${host}/examples/${file}") { caption { text confidence } tags(minConfidence: 0.5) { name } } }`;

// The stub backend captions and tags the 600x450 dog by its size and format.
const DOG = {
  caption: { text: 'a 600x450 jpeg image', confidence: 1 },
  tags: [{ name: 'landscape' }, { name: 'jpeg' }],
};

/** POSTs to the gateway's loopback address with the given Host header (fetch cannot set one). */
function postWithHost(host: string, query: string): Promise<GraphQLResult> {
  const { hostname, port } = new URL(stack.gateway.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        method: 'POST',
        path: '/graphql',
        headers: { host, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString()) as GraphQLResult));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

describe('example images under another loopback name', { timeout: 60_000 }, () => {
  it("answers the README's localhost query sent to 127.0.0.1", async () => {
    const port = new URL(stack.gateway.url).port;
    expect(stack.gateway.url).toBe(`http://127.0.0.1:${port}`);
    const { status, body, calls } = await stack.gqlWithCalls(readmeQuery(`localhost:${port}`));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ image: DOG });
    expect(calls.map((call) => call.operation)).toEqual(['analyze']);
  });

  it('takes [::1] and 127.x.y.z for the same server, but not another port', async () => {
    const port = Number(new URL(stack.gateway.url).port);
    const { body } = await stack.gql(
      `{ a: image(url: "http://[::1]:${port}/examples/csdf-dog.jpg") { width height }
         b: image(url: "http://127.4.5.6:${port}/examples/csdf-dog.jpg") { width height }
         c: image(url: "http://localhost:${port + 1}/examples/csdf-dog.jpg") { width } }`,
    );
    expect(body.data).toEqual({
      a: { width: 600, height: 450 },
      b: { width: 600, height: 450 },
      c: { width: null },
    });
    // The other port is a URL like any other: the emulator refuses to fetch loopback.
    expect(body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['c', 'width'], 'INVALID_IMAGE'],
    ]);
  });

  it('gives a request to a non-loopback Host only its own name', async () => {
    const port = new URL(stack.gateway.url).port;
    // An image no test before asked for: results are cached under their URL.
    const house = 'csdf-house.jpg';
    const own = await postWithHost(`gw.example:${port}`, readmeQuery(`gw.example:${port}`, house));
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual({
      image: {
        caption: { text: 'a 640x480 jpeg image', confidence: 1 },
        tags: [{ name: 'landscape' }, { name: 'jpeg' }],
      },
    });
    const loopback = await postWithHost(
      `gw.example:${port}`,
      readmeQuery(`localhost:${port}`, house),
    );
    expect(loopback.data).toEqual({ image: { caption: null, tags: null } });
    expect(loopback.errors?.map((e) => e.extensions?.['code'])).toEqual([
      'INVALID_IMAGE',
      'INVALID_IMAGE',
    ]);
  });
});
