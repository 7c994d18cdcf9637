import type { SchemaContext } from '../context.js';
import type { ImageRef } from '../image/image-ref.js';
import type { Ia40Part } from '../loaders/image-analysis-loader.js';
import type { DualField } from '../loaders/vision-api.js';

/** Loads one Image Analysis 4.0 part; all such loads of a tick share one call per image. */
export async function loadPart40<T>(
  ctx: SchemaContext,
  image: ImageRef,
  part: Ia40Part,
): Promise<T | null> {
  return (await ctx.loaders.imageAnalysis.load({ image, part })) as T | null;
}

/**
 * Answers a field that both APIs can answer through the one `VISION_API` picks. In auto mode a
 * 4.0 answer showing the resource has no 4.0 (or no caption in its region) is learned, and the
 * field is answered by v3.2 instead.
 */
export async function viaApi<T>(
  ctx: SchemaContext,
  field: DualField,
  via40: () => Promise<T>,
  via32: () => Promise<T>,
): Promise<T> {
  if (ctx.visionApi.apiFor(field) === '3.2') return via32();
  try {
    return await via40();
  } catch (error) {
    if (ctx.visionApi.learnFrom(field, error)) return via32();
    throw error;
  }
}
