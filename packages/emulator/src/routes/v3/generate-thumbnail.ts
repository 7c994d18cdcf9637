// POST /vision/v3.2/generateThumbnail: answers the image bytes.
import {
  ANALYSIS_MODEL_VERSION,
  ANALYSIS_MODEL_VERSIONS,
  THUMBNAIL_MAX_V3,
} from '../../constants.js';
import { loadRequestImage } from '../../http/image-input.js';
import type { Route } from '../route.js';
import { ANALYZE_RULES } from '../shared/image-rules.js';
import { parseModelVersion } from '../shared/params.js';
import { parseThumbnailParams } from '../shared/thumbnail-params.js';

export const generateThumbnailV3: Route = {
  method: 'POST',
  version: 'v3.2',
  path: '/generateThumbnail',
  operation: 'generateThumbnail',
  errorFormat: 'v3',
  async handle(ctx) {
    const { width, height, smartCropping } = parseThumbnailParams(ctx.query, THUMBNAIL_MAX_V3);
    parseModelVersion(ctx.query, ANALYSIS_MODEL_VERSIONS, ANALYSIS_MODEL_VERSION);
    const img = await loadRequestImage(ctx, ANALYZE_RULES);
    const thumb = await ctx.backend.thumbnail(img, width, height, smartCropping, {
      signal: ctx.signal,
    });
    return { kind: 'bytes', body: thumb.data, contentType: thumb.contentType };
  },
};
