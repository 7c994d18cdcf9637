import type { AnalyzeImageQuery } from './gql/graphql.js';
import type { GraphQLErrorShape } from './lib/incremental.js';
import type { Analysis } from './use-analysis.js';

export type ImageResult = NonNullable<AnalyzeImageQuery['image']>;

type FieldValue<K extends keyof ImageResult> = ImageResult[K];

/** What one panel shows for one field of `image`. */
export type FieldState<T> =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'error'; errors: GraphQLErrorShape[] }
  | { status: 'ready'; value: T };

// Fields about the image itself rather than a feature: their errors (the image could not be
// fetched or decoded) are shown over the image, not in a panel.
const IMAGE_FIELDS = new Set<string | number | undefined>([
  undefined,
  'id',
  'width',
  'height',
  'format',
]);

/** Errors that belong to the whole image (no path, `image`, or its metadata), one per message. */
export function imageErrors(analysis: Analysis | undefined): GraphQLErrorShape[] {
  const errors = analysis?.result?.errors ?? [];
  const own = errors.filter((error) => !error.path || IMAGE_FIELDS.has(error.path[1]));
  return [...new Map(own.map((error) => [describeError(error), error])).values()];
}

export function fieldErrors(analysis: Analysis | undefined, field: string): GraphQLErrorShape[] {
  const errors = analysis?.result?.errors ?? [];
  return errors.filter((error) => error.path?.[0] === 'image' && error.path[1] === field);
}

/** The state of `image.<field>`, given whether its feature group was asked for. */
export function fieldState<K extends keyof ImageResult>(
  analysis: Analysis | undefined,
  field: K,
  enabled: boolean,
): FieldState<FieldValue<K>> {
  if (!analysis || !enabled) return { status: 'off' };
  const own = fieldErrors(analysis, field);
  if (own.length > 0) return { status: 'error', errors: own };
  const image = analysis.result?.data?.image;
  if (image && field in image) return { status: 'ready', value: image[field] };
  if (analysis.running) return { status: 'loading' };
  const whole = imageErrors(analysis);
  if (whole.length > 0) return { status: 'error', errors: whole };
  return { status: 'ready', value: null as FieldValue<K> };
}

/** `CODE: message`, the way errors are shown everywhere in the app. */
export function describeError(error: GraphQLErrorShape): string {
  const code = error.extensions?.code;
  return code ? `${code}: ${error.message}` : error.message;
}
