import { parseJson, type ApiRoot, type SuccessResponse } from '../http/executor.js';
import { prepareImage, type ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { OperationContext } from './context.js';
import { buildQuery } from './query.js';

export interface ImageCall {
  operation: string;
  /** Path below the API root, without query. */
  path: string;
  /** API root below the endpoint. @default '/vision/v3.2' */
  apiRoot?: ApiRoot;
  query: Parameters<typeof buildQuery>[0];
  image: ImageInput;
  options: CallOptions | undefined;
  /** Read submission creates server state; everything else is idempotent. */
  creates?: boolean;
}

/** Sends an image to an operation and returns the raw success response. */
export async function postImage(ctx: OperationContext, call: ImageCall): Promise<SuccessResponse> {
  const signal = call.options?.signal;
  const body = await prepareImage(call.image, signal);
  const query = buildQuery({ ...call.query, 'model-version': call.options?.modelVersion });
  return ctx.execute({
    operation: call.operation,
    method: 'POST',
    path: call.path + query,
    ...(call.apiRoot && { apiRoot: call.apiRoot }),
    body,
    safety: call.creates ? 'creates' : 'idempotent',
    ...(signal && { signal }),
  });
}

/** Sends an image and parses the JSON answer. */
export async function postImageForJson<T>(ctx: OperationContext, call: ImageCall): Promise<T> {
  return parseJson<T>(await postImage(ctx, call), call.operation);
}
