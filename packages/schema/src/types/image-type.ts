import type { ImageMetadata } from '@visiongraph/core';
import type { SchemaContext } from '../context.js';
import type { ImageRef } from '../image/image-ref.js';
import { ImageObjectRef, loadFeature } from './image-ref-type.js';

const metadata = (ctx: SchemaContext, image: ImageRef) =>
  loadFeature<ImageMetadata>(ctx, image, 'Metadata');

ImageObjectRef.implement({
  description:
    'An image, by URL or uploaded bytes. Every field except `id` and `url` is resolved lazily: only the fields you ask for are computed, and all analysis fields of one image in one request share a single upstream analyze call. A field that fails is null, with an error whose `extensions.code` says why; the other fields still return data.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'The image URL, or `sha256:<hex>` of the uploaded bytes.',
    }),
    url: t.field({
      type: 'URL',
      nullable: true,
      description: 'The image URL; null for uploads.',
      resolve: (image) => image.url ?? null,
    }),
    width: t.int({
      nullable: true,
      description:
        'Width in pixels (comes with any analyze call; alone it costs one cheap ImageType call).',
      resolve: async (image, _args, ctx) => (await metadata(ctx, image))?.width ?? null,
    }),
    height: t.int({
      nullable: true,
      description: 'Height in pixels (see `width` for its cost).',
      resolve: async (image, _args, ctx) => (await metadata(ctx, image))?.height ?? null,
    }),
    format: t.string({
      nullable: true,
      description:
        'Image format as Azure names it, e.g. "Jpeg" or "Png" (see `width` for its cost).',
      resolve: async (image, _args, ctx) => (await metadata(ctx, image))?.format ?? null,
    }),
  }),
});
