import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';
import { postImage } from './image-operation.js';
import { checkIntRange } from './validate.js';

export interface ThumbnailOptions extends CallOptions {
  /** Output width in pixels, 1..1024 (50+ recommended). */
  width: number;
  /** Output height in pixels, 1..1024 (50+ recommended). */
  height: number;
  /** Crop around the region of interest instead of the centre. @default false */
  smartCropping?: boolean;
}

export interface Thumbnail {
  /** The image bytes (JPEG from Azure). */
  data: Uint8Array;
  contentType: string;
  requestId?: string;
}

/** POST /generateThumbnail; the answer is image bytes, not JSON. */
export async function generateThumbnail(
  ctx: OperationContext,
  image: ImageInput,
  o: ThumbnailOptions,
): Promise<Thumbnail> {
  const query = {
    width: checkIntRange('width', o?.width, 1, 1024, 'InvalidThumbnailSize'),
    height: checkIntRange('height', o?.height, 1, 1024, 'InvalidThumbnailSize'),
    smartCropping: o.smartCropping,
  };
  const res = await postImage(ctx, {
    operation: 'generateThumbnail',
    path: '/generateThumbnail',
    query,
    image,
    options: o,
  });
  const type = res.headers['content-type'];
  return {
    data: new Uint8Array(res.body.buffer, res.body.byteOffset, res.body.byteLength),
    contentType: (Array.isArray(type) ? type[0] : type) ?? 'application/octet-stream',
    ...(res.requestId && { requestId: res.requestId }),
  };
}
