// POST /vision/v1.0/generateThumbnail (width and height up to 1023 in the v1.0 spec).
import { THUMBNAIL_MAX_V1 } from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import type { Route } from '../route.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseThumbnailParams } from '../shared/thumbnail-params.js';

export const generateThumbnailV1: Route = {
  method: 'POST',
  version: 'v1.0',
  path: '/generateThumbnail',
  operation: 'generateThumbnail',
  errorFormat: 'v1',
  async handle(ctx) {
    const { width, height, smartCropping } = parseThumbnailParams(ctx.query, THUMBNAIL_MAX_V1);
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const thumb = await ctx.backend.thumbnail(img, width, height, smartCropping, {
      signal: ctx.signal,
    });
    return { kind: 'bytes', body: thumb.data, contentType: thumb.contentType };
  },
};
