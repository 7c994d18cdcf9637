import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../create-gateway.js';
import { createJsonLogger } from '../log/logger.js';

// The upstream is a closed port: a body that got through to a resolver would show as an error.
const gateway = createGateway({
  visionEndpoint: 'http://127.0.0.1:9',
  visionKey: 'body-limit-key',
  logger: createJsonLogger({ level: 'silent' }),
  limits: { maxRequestBytes: 300 },
});
const server = createServer(gateway.handler);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await gateway.close();
});

const padded = (bytes: number) => JSON.stringify({ query: `{ __typename }${' '.repeat(bytes)}` });
const streamOf = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      const bytes = new TextEncoder().encode(text);
      for (let i = 0; i < bytes.length; i += 64) controller.enqueue(bytes.subarray(i, i + 64));
      controller.close();
    },
  });
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  gateway.fetch('http://gw/graphql', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    duplex: 'half',
  } as RequestInit);
const codeOf = async (response: Response) =>
  ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]
    ?.extensions.code;

// Chunked over real HTTP: no Content-Length, so only counting the body can catch it.
function postChunked(text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        port,
        host: '127.0.0.1',
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => (body += c))
          .on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    for (let i = 0; i < text.length; i += 64) req.write(text.slice(i, i + 64));
    req.end();
  });
}

describe('request body limit (maxRequestBytes)', () => {
  it('answers a body under the limit, in-process and over HTTP', async () => {
    const inProcess = await post(padded(10));
    expect(inProcess.status).toBe(200);
    expect(await inProcess.json()).toEqual({ data: { __typename: 'Query' } });
    const chunked = await postChunked(padded(10));
    expect(chunked.status).toBe(200);
    expect(JSON.parse(chunked.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses an in-process string body over the limit with 413', async () => {
    const response = await post(padded(400));
    expect(response.status).toBe(413);
    expect(await codeOf(response)).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('refuses an in-process string body over the limit whatever Content-Length the caller claims', async () => {
    const response = await post(padded(400), { 'content-length': '10' });
    expect(response.status).toBe(413);
  });

  it('counts a streamed in-process body without Content-Length and refuses it over the limit', async () => {
    const response = await post(streamOf(padded(400)));
    expect(response.status).toBe(413);
    expect(await codeOf(response)).toBe('REQUEST_ENTITY_TOO_LARGE');
    const small = await post(streamOf(padded(10)));
    expect(await small.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('counts a chunked HTTP body and refuses it over the limit', async () => {
    const response = await postChunked(padded(400));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('refuses a malformed Content-Length with 400', async () => {
    const response = await post(streamOf(padded(10)), { 'content-length': '1,1' });
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('BAD_REQUEST');
  });
});
