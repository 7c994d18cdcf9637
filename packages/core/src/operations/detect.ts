import type { DetectResult } from '../generated/spec-types.js';
import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';
import { postImageForJson } from './image-operation.js';

/** POST /detect. */
export async function detect(
  ctx: OperationContext,
  image: ImageInput,
  o: CallOptions = {},
): Promise<DetectResult> {
  return postImageForJson(ctx, {
    operation: 'detect',
    path: '/detect',
    query: {},
    image,
    options: o,
  });
}
