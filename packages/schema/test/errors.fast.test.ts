// Per-field error codes through the resolvers, against the emulator on its stub backend (no
// models): the errors come from HTTP and parameter handling, the good answers from fixed rules.
import { createVisionClient } from '@visiongraph/core';
import { createStubBackend } from '@visiongraph/emulator';
import { type GraphQLError, execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeatureCache, createContext, schema } from '../src/index.js';
import { type Harness, startHarness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ backend: createStubBackend() });
});
afterAll(() => h?.close());

const byPath = (errors: readonly GraphQLError[] | undefined, path: string) =>
  (errors ?? []).filter((e) => e.path?.join('.') === path);

describe('errors are per field and coded', () => {
  it('nulls the fields of a bad image with INVALID_IMAGE and keeps the good ones', async () => {
    const good = h.images.urlOf('csdf-dog.jpg');
    const missing = h.images.urlOf('no-such-image.jpg');
    h.reset();
    const result = await h.run(
      `{ images(urls: ["${good}", "${missing}"]) { id caption { text } tags { name } } }`,
    );
    const [ok, bad] = (result.data as any).images;
    expect(ok).toEqual({
      id: good,
      caption: { text: 'a 600x450 jpeg image' },
      tags: [{ name: 'landscape' }, { name: 'jpeg' }],
    });
    expect(bad).toEqual({ id: missing, caption: null, tags: null });
    for (const field of ['caption', 'tags']) {
      const [error] = byPath(result.errors, `images.1.${field}`);
      expect(error?.extensions).toMatchObject({
        code: 'INVALID_IMAGE',
        upstreamCode: 'InvalidImageUrl',
      });
      expect(error?.extensions.requestId).toEqual(expect.any(String));
    }
    expect(result.errors).toHaveLength(2);
    // One call per image: the failed one is not retried per field.
    expect(h.callsOf('analyze')).toHaveLength(2);
  });

  it('codes unsupported languages and oversized uploads from the upstream answer', async () => {
    const x = h.images.urlOf('tjs-testocr.png');
    const big = new File([new Uint8Array(5 * 1024 * 1024).fill(7)], 'big.jpg');
    const result = await h.run(
      `query($f: File) { a: image(url: "${x}") { ocr(language: "xx") { text } text(language: "xx") { text } } big: image(upload: $f) { width } }`,
      { variables: { f: big } },
    );
    expect(result.data).toEqual({ a: { ocr: null, text: null }, big: { width: null } });
    for (const path of ['a.ocr', 'a.text']) {
      expect(byPath(result.errors, path)[0]?.extensions).toMatchObject({
        code: 'UNSUPPORTED_LANGUAGE',
        upstreamCode: 'NotSupportedLanguage',
      });
    }
    expect(byPath(result.errors, 'big.width')[0]?.extensions).toMatchObject({
      code: 'IMAGE_TOO_LARGE',
      upstreamCode: 'InvalidImageSize',
    });
  });

  it('fails fields with INTERNAL_SERVER_ERROR and a generic message when the cache itself fails', async () => {
    const broken: FeatureCache = {
      get: async () => Promise.reject(new Error('redis at 10.0.0.7:6379 refused')),
      set: async () => undefined,
      claim: async (_key, pending) => ({ pending, owner: true }),
    };
    const x = h.images.urlOf('csdf-dog.jpg');
    h.reset();
    const result = await h.run(
      `{ image(url: "${x}") { id tags { name } thumbnail(width: 50, height: 50) { base64 } } }`,
      { cache: broken },
    );
    expect(result.data).toEqual({ image: { id: x, tags: null, thumbnail: null } });
    expect(result.errors?.map((e) => [e.message, e.extensions.code])).toEqual([
      ['Internal server error', 'INTERNAL_SERVER_ERROR'],
      ['Internal server error', 'INTERNAL_SERVER_ERROR'],
    ]);
    expect(h.calls).toHaveLength(0);
  });

  it('rejects thumbnail sizes outside 1..1024 naming the argument, without calling upstream', async () => {
    const x = h.images.urlOf('csdf-dog.jpg');
    h.reset();
    const result = await h.run(`{ image(url: "${x}") {
      big: thumbnail(width: 2000, height: 50) { base64 } zero: thumbnail(width: 50, height: 0) { base64 } id
    } }`);
    expect((result.data as any).image).toEqual({ big: null, zero: null, id: x });
    const [big] = byPath(result.errors, 'image.big');
    expect(big?.message).toMatch(/"width".*between 1 and 1024, got 2000/);
    expect(big?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'width' });
    expect(byPath(result.errors, 'image.zero')[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'height',
    });
    expect(h.calls).toHaveLength(0);
  });

  it('needs exactly one of url and upload', async () => {
    const neither = await h.run('{ image { id } }');
    expect(neither.data).toEqual({ image: null });
    expect(neither.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(neither.errors?.[0]?.message).toMatch(/exactly one of "url" and "upload"/);
    const both = await h.run(
      'query($f: File) { image(url: "http://a.example/x.jpg", upload: $f) { id } }',
      {
        variables: { f: new File([new Uint8Array([1, 2])], 'x.jpg') },
      },
    );
    expect(both.data).toEqual({ image: null });
    expect(both.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects non-http URLs as BAD_USER_INPUT, in literals and variables', async () => {
    const literal = await h.run('{ image(url: "ftp://example.com/a.jpg") { id } }');
    expect(literal.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(literal.errors?.[0]?.message).toMatch(/http or https/);
    const variable = await h.run('query($u: URL) { image(url: $u) { id } }', {
      variables: { u: 'file:///etc/passwd' },
    });
    expect(variable.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const relative = await h.run('query($u: [URL!]!) { images(urls: $u) { id } }', {
      variables: { u: ['/a.jpg'] },
    });
    expect(relative.errors?.[0]?.message).toMatch(/not an absolute URL/);
  });

  it('reports a rejected key as UNAUTHENTICATED without the key', async () => {
    const wrong = createVisionClient({
      endpoint: h.emulatorUrl,
      key: 'wrong-secret-key',
      retry: { maxRetries: 0 },
    });
    try {
      const x = h.images.urlOf('csdf-dog.jpg');
      const result = await execute({
        schema,
        document: parse(`{ image(url: "${x}") { tags { name } } }`),
        contextValue: createContext({ client: wrong }),
      });
      expect(result.data).toEqual({ image: { tags: null } });
      expect(result.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(result)).not.toContain('wrong-secret-key');
      expect(JSON.stringify(result)).not.toMatch(/\bat .*\.js:\d+/);
    } finally {
      await wrong.close();
    }
  });
});
