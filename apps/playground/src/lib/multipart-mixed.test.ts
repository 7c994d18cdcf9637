import { describe, expect, it } from 'vitest';
import { multipartBoundary, readMultipartMixed } from './multipart-mixed.js';

// The shape graphql-yoga writes for a deferred query (boundary "-").
const parts = [
  { data: { image: { id: 'a', caption: { text: 'café ☕ on a table' } } }, hasNext: true },
  { incremental: [{ data: { text: { lines: [] } }, path: ['image'] }], hasNext: false },
];
const yogaBody =
  '\r\n---' +
  parts
    .map((part) => {
      const json = JSON.stringify(part);
      return `\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${new TextEncoder().encode(json).byteLength}\r\n\r\n${json}\r\n---`;
    })
    .join('') +
  '\r\n-----\r\n';

function streamOf(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const edges = [0, ...cuts, bytes.byteLength];
  return new ReadableStream({
    start(controller) {
      for (let i = 1; i < edges.length; i++)
        controller.enqueue(bytes.slice(edges[i - 1], edges[i]));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>, boundary = '-') {
  const out: unknown[] = [];
  for await (const part of readMultipartMixed(stream, boundary)) out.push(part);
  return out;
}

describe('readMultipartMixed', () => {
  const bytes = new TextEncoder().encode(yogaBody);

  it('yields every JSON part of a yoga response', async () => {
    expect(await collect(streamOf(bytes, []))).toEqual(parts);
  });

  it('copes with chunks cut anywhere, even inside a delimiter or a UTF-8 character', async () => {
    for (let cut = 1; cut < bytes.byteLength; cut++) {
      expect(await collect(streamOf(bytes, [cut]))).toEqual(parts);
    }
  });

  it('yields a part as soon as its closing delimiter arrives, before the stream ends', async () => {
    // the byte offset just after the delimiter that closes the first part
    const first = new TextEncoder().encode(
      yogaBody.slice(0, yogaBody.indexOf('---', yogaBody.indexOf('{')) + 3),
    ).byteLength;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(bytes.slice(0, first));
        await gate;
        controller.enqueue(bytes.slice(first));
        controller.close();
      },
    });
    const iterator = readMultipartMixed(stream, '-');
    expect((await iterator.next()).value).toEqual(parts[0]);
    release();
    expect((await iterator.next()).value).toEqual(parts[1]);
    expect((await iterator.next()).done).toBe(true);
  });

  it('reads a body without a leading CRLF and with a named boundary', async () => {
    const body = '--abc\r\nContent-Type: application/json\r\n\r\n{"data":{"x":1}}\r\n--abc--\r\n';
    expect(await collect(streamOf(new TextEncoder().encode(body), []), 'abc')).toEqual([
      { data: { x: 1 } },
    ]);
  });
});

describe('multipartBoundary', () => {
  it('reads quoted and bare boundaries and ignores other types', () => {
    expect(multipartBoundary('multipart/mixed; boundary="-"')).toBe('-');
    expect(multipartBoundary('multipart/mixed;boundary=graphql;deferSpec=20220824')).toBe(
      'graphql',
    );
    expect(multipartBoundary('application/json')).toBeUndefined();
    expect(multipartBoundary(null)).toBeUndefined();
  });
});
