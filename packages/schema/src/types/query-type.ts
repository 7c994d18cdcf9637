import type { ModelDescription } from '@visiongraph/core';
import { builder } from '../builder.js';
import { badUserInput } from '../errors/to-graphql-error.js';
import { imageFromUrl } from '../image/image-ref.js';
import { ImageObjectRef } from './image-ref-type.js';
import { DomainModelRef } from './misc-types.js';

/** Most URLs one `images` field accepts (each may cost several upstream calls). */
export const MAX_IMAGES = 50;

builder.queryType({
  description: 'Computer vision over images, by URL or upload.',
  fields: (t) => ({
    image: t.field({
      type: ImageObjectRef,
      nullable: true,
      args: {
        url: t.arg({
          type: 'URL',
          required: false,
          description: 'An http(s) URL Azure can download.',
        }),
        upload: t.arg({
          type: 'File',
          required: false,
          description: 'Image bytes, sent as a multipart upload.',
        }),
      },
      description:
        'One image, by URL or by uploaded bytes (exactly one of the two). No upstream call happens here.',
      resolve: async (_root, { url, upload }, ctx) => {
        if ((url == null) === (upload == null)) {
          throw badUserInput(
            url == null ? 'url' : 'upload',
            'give exactly one of "url" and "upload"',
          );
        }
        return url != null ? imageFromUrl(url) : ctx.readUpload(upload as File);
      },
    }),
    images: t.field({
      type: [ImageObjectRef],
      nullable: true,
      args: {
        urls: t.arg({
          type: ['URL'],
          required: true,
          description: `Up to ${MAX_IMAGES} image URLs.`,
        }),
      },
      description: 'Several images by URL, in order. A URL given twice is analysed once.',
      resolve: (_root, { urls }) => {
        if (urls.length > MAX_IMAGES)
          throw badUserInput('urls', `at most ${MAX_IMAGES} URLs, got ${urls.length}`);
        return urls.map(imageFromUrl);
      },
    }),
    models: t.field({
      type: [DomainModelRef],
      nullable: true,
      description: 'Domain-specific models the upstream offers (cached like a URL image).',
      resolve: async (_root, _args, ctx) => {
        const models = (await ctx.loaders.models.load('models')) as ModelDescription[];
        return models.map((m) => ({ name: m.name ?? '', categories: m.categories ?? [] }));
      },
    }),
  }),
});
