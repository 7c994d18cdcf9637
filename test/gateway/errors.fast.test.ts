import type { StartGatewayOptions } from '@visiongraph/gateway';
import { describe, expect, it } from 'vitest';
import { startStack, stubEmulator, useStack, TEST_KEY } from './helpers/stack.js';

type Plugin = NonNullable<StartGatewayOptions['plugins']>[number];

// The stub backend (no models): what matters here is which fields fail and how.
const stack = useStack({}, stubEmulator());

describe('errors', { timeout: 120_000 }, () => {
  it('fails only the fields of a bad image; the good images keep their data', async () => {
    const query = `query Mixed($urls: [URL!]!) { images(urls: $urls) { url caption { text } tags { name } } }`;
    const urls = [
      stack.image('csdf-dog.jpg'),
      stack.image('no-such-image.jpg'), // the gateway answers 404
      `${stack.gateway.url}/examples`, // JSON, not an image
      stack.image('csdf-objects.jpg'),
    ];
    const { status, body } = await stack.gql(query, { urls });
    expect(status).toBe(200);
    const images = body.data!['images'];
    // The stub captions each image by its size (the dog 600x450, the objects 600x462).
    expect(images[0]).toEqual({
      url: urls[0],
      caption: { text: 'a 600x450 jpeg image' },
      tags: [{ name: 'landscape' }, { name: 'jpeg' }],
    });
    expect(images[3]).toEqual({
      url: urls[3],
      caption: { text: 'a 600x462 jpeg image' },
      tags: [{ name: 'landscape' }, { name: 'jpeg' }],
    });
    for (const index of [1, 2]) {
      expect(images[index]).toEqual({ url: urls[index], caption: null, tags: null });
      const errors = body.errors!.filter((e) => e.path?.[1] === index);
      expect(errors.map((e) => e.path?.[2]).sort()).toEqual(['caption', 'tags']);
      for (const error of errors) expect(error.extensions?.['code']).toBe('INVALID_IMAGE');
    }
    expect(body.errors).toHaveLength(4);
    expect(JSON.stringify(body)).not.toContain('"stack"');
  });

  it('says UNAUTHENTICATED, without the key, when the upstream refuses the key', async () => {
    const wrong = `${TEST_KEY}-wrong`;
    const bad = await startStack({ visionKey: wrong }, stubEmulator());
    try {
      const { body } = await bad.gql(
        `{ image(url: "${bad.image('csdf-dog.jpg')}") { caption { text } } }`,
      );
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(body.data).toEqual({ image: { caption: null } });
      expect(JSON.stringify(body)).not.toContain(wrong);
      expect(bad.rawLogs.join('')).not.toContain(wrong);
    } finally {
      await bad.close();
    }
  });

  it('masks unexpected errors: generic message, INTERNAL_SERVER_ERROR, no stack, no detail', async () => {
    // A plugin whose bug throws a plain Error while the operation runs.
    const buggy: Plugin = {
      onExecute() {
        throw new TypeError('internal detail /srv/app/secret.ts');
      },
    };
    const masked = await startStack({ plugins: [buggy] }, stubEmulator());
    try {
      const { status, body } = await masked.gql(`{ models { name } }`);
      expect(status).toBe(500);
      expect(body.errors).toEqual([
        { message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      expect(JSON.stringify(body)).not.toMatch(/internal detail|secret\.ts|stack|TypeError/);
      // The operator still learns what happened, from the log, without the stack.
      const logged = masked.rawLogs.find((line) => line.includes('internal detail'));
      expect(logged).toBeDefined();
      expect(logged).not.toContain('    at ');
    } finally {
      await masked.close();
    }
  });
});
