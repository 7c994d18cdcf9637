import type { StartGatewayOptions } from '@visiongraph/gateway';
import { describe, expect, it } from 'vitest';
import { startStack, useStack, TEST_KEY } from './helpers/stack.js';

type Plugin = NonNullable<StartGatewayOptions['plugins']>[number];

const stack = useStack();

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
    for (const index of [0, 3]) {
      expect(images[index].caption.text).toEqual(expect.any(String));
      expect(images[index].tags.length).toBeGreaterThan(0);
    }
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
    const bad = await startStack({ visionKey: wrong });
    try {
      const { body } = await bad.gql(
        `{ image(url: "${bad.image('csdf-dog.jpg')}") { caption { text } } }`,
      );
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(body.data!['image'].caption).toBeNull();
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
    const masked = await startStack({ plugins: [buggy] });
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
