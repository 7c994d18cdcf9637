import { DescriptionExcludeValues, type ImageDescription } from '../generated/spec-types.js';
import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { Detail, Language } from './analyze.js';
import type { OperationContext } from './context.js';
import { postImageForJson } from './image-operation.js';
import { checkEnumList, checkIntRange } from './validate.js';

export interface DescribeOptions extends CallOptions {
  /** How many captions to return. @default 1 */
  maxCandidates?: number;
  /** @default "en" */
  language?: Language;
  descriptionExclude?: Detail[];
}

/** POST /describe. */
export async function describe(
  ctx: OperationContext,
  image: ImageInput,
  o: DescribeOptions = {},
): Promise<ImageDescription> {
  const query = {
    maxCandidates:
      o.maxCandidates === undefined
        ? undefined
        : checkIntRange('maxCandidates', o.maxCandidates, 1, Infinity, 'BadArgument'),
    language: o.language,
    descriptionExclude: checkEnumList(
      'descriptionExclude',
      o.descriptionExclude,
      DescriptionExcludeValues,
      'InvalidDetails',
    ),
  };
  return postImageForJson(ctx, {
    operation: 'describe',
    path: '/describe',
    query,
    image,
    options: o,
  });
}
