import type { AreaOfInterestResult } from '../generated/spec-types.js';
import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';
import { postImageForJson } from './image-operation.js';

/** POST /areaOfInterest. */
export async function areaOfInterest(
  ctx: OperationContext,
  image: ImageInput,
  o: CallOptions = {},
): Promise<AreaOfInterestResult> {
  return postImageForJson(ctx, {
    operation: 'areaOfInterest',
    path: '/areaOfInterest',
    query: {},
    image,
    options: o,
  });
}
