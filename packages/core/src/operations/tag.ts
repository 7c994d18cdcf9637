import type { TagResult } from '../generated/spec-types.js';
import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { Language } from './analyze.js';
import type { OperationContext } from './context.js';
import { postImageForJson } from './image-operation.js';

export interface TagOptions extends CallOptions {
  /** @default "en" */
  language?: Language;
}

/** POST /tag. */
export async function tag(
  ctx: OperationContext,
  image: ImageInput,
  o: TagOptions = {},
): Promise<TagResult> {
  return postImageForJson(ctx, {
    operation: 'tag',
    path: '/tag',
    query: { language: o.language },
    image,
    options: o,
  });
}
