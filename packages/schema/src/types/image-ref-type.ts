import { builder } from '../builder.js';
import type { SchemaContext } from '../context.js';
import type { ImageRef } from '../image/image-ref.js';
import type { AnalyzeFeature } from '../loaders/analyze-features.js';

export const ImageObjectRef = builder.objectRef<ImageRef>('Image');

/** Loads one analyze feature of an image; all such loads of a tick share one call per image. */
export async function loadFeature<T>(
  ctx: SchemaContext,
  image: ImageRef,
  feature: AnalyzeFeature,
): Promise<T | null> {
  return (await ctx.loaders.analyze.load({ image, feature })) as T | null;
}

/** Maps a cached list (or null) through a converter. */
export function mapList<A, B>(list: A[] | null | undefined, fn: (a: A) => B): B[] | null {
  return list ? list.map(fn) : null;
}

/** Maps a cached object (or null) through a converter. */
export function mapOne<A, B>(value: A | null | undefined, fn: (a: A) => B): B | null {
  return value ? fn(value) : null;
}
