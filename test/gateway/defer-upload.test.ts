import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readMultipart } from './helpers/multipart.js';
import { countByOperation, startStack, useStack } from './helpers/stack.js';

const HOUSE = new URL('../../testdata/images/csdf-house.jpg', import.meta.url);

const stack = useStack();

describe('@defer', { timeout: 120_000 }, () => {
  it('delivers the caption first, then the text', async () => {
    const query = `query Deferred($a: URL!) {
      image(url: $a) {
        caption { text }
        ... @defer(label: "text") { text { text } }
      }
    }`;
    const startedAt = performance.now();
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query, variables: { a: stack.image('tjs-testocr.png') } }),
    });
    expect(response.status).toBe(200);
    const parts = await readMultipart(response, startedAt);

    expect(parts.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = parts;
    expect(first!.body['hasNext']).toBe(true);
    expect(first!.body['data'].image.caption.text).toEqual(expect.any(String));
    expect(first!.body['data'].image.text).toBeUndefined();

    const textPart = rest.find((part) =>
      part.body['incremental']?.some((inc: any) => inc.data?.text),
    );
    expect(textPart).toBeDefined();
    const increment = textPart!.body['incremental'].find((inc: any) => inc.data?.text);
    expect(increment.path).toEqual(['image']);
    expect(increment.label).toBe('text');
    expect(increment.data.text.text).toMatch(/quick brown dog/i);
    expect(parts.at(-1)!.body['hasNext']).toBe(false);
    // Streamed, not buffered: the caption was readable before the read operation finished.
    expect(first!.at).toBeLessThan(textPart!.at);
  });
});

describe('uploads (GraphQL multipart request)', { timeout: 120_000 }, () => {
  // Multipart is a request a cross-site form could send: CSRF prevention wants this header.
  const CSRF = { 'x-graphql-yoga-csrf': '1' };
  const query = `query Upload($file: File!) { image(upload: $file) { id caption { text confidence } tags { name confidence } } }`;

  function uploadForm(bytes: Buffer<ArrayBuffer>, name: string): FormData {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query, variables: { file: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new Blob([bytes], { type: 'image/jpeg' }), name);
    return form;
  }

  it('captions and tags the quickstart house photo uploaded from disk', async () => {
    const bytes = await readFile(HOUSE);
    let body: any;
    const calls = await stack.callsDuring(async () => {
      const response = await fetch(`${stack.gateway.url}/graphql`, {
        method: 'POST',
        headers: CSRF,
        body: uploadForm(bytes, 'house.jpg'),
      });
      expect(response.status).toBe(200);
      body = await response.json();
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.image.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(body.data.image.caption.text.length).toBeGreaterThan(0);
    expect(body.data.image.tags.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/house|building|outdoor|tree|grass/)]),
    );
    expect(countByOperation(calls)).toEqual({ analyze: 1 });
  });

  it('refuses an upload over MAX_UPLOAD_BYTES with IMAGE_TOO_LARGE and no upstream call', async () => {
    const small = await startStack({ limits: { maxUploadBytes: 100_000 } });
    try {
      const bytes = await readFile(HOUSE); // 143 KB
      let response!: Response;
      const calls = await small.callsDuring(async () => {
        response = await fetch(`${small.gateway.url}/graphql`, {
          method: 'POST',
          headers: CSRF,
          body: uploadForm(bytes, 'house.jpg'),
        });
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as any;
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'IMAGE_TOO_LARGE', maxBytes: 100_000 });
      expect(body.errors[0].message).toContain('"house.jpg"');
      expect(calls).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('refuses a request body over the request limit with 413 before parsing it', async () => {
    const tight = await startStack({ limits: { maxRequestBytes: 50_000 } });
    try {
      const bytes = await readFile(HOUSE);
      let response!: Response;
      const calls = await tight.callsDuring(async () => {
        response = await fetch(`${tight.gateway.url}/graphql`, {
          method: 'POST',
          headers: CSRF,
          body: uploadForm(bytes, 'house.jpg'),
        });
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as any;
      expect(body.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
      expect(calls).toEqual([]);
    } finally {
      await tight.close();
    }
  });
});
