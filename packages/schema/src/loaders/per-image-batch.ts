import { toGraphQLError } from '../errors/to-graphql-error.js';
import type { ImageRef } from '../image/image-ref.js';

/**
 * One batch of a loader that makes its upstream calls per image (analyze, Image Analysis 4.0):
 * groups the keys by image, asks `loadImage` once per image for that image's keys, and answers
 * every key with its own result, a failed one with its coded error. A failure outside any one
 * image (e.g. a shared store down) fails every key of the batch with its coded error.
 */
export async function loadByImage<K extends { image: ImageRef }>(
  keys: readonly K[],
  keyOf: (key: K) => string,
  loadImage: (image: ImageRef, group: K[]) => Promise<Promise<unknown>[]>,
): Promise<unknown[]> {
  try {
    return await loadGroups(keys, keyOf, loadImage);
  } catch (error) {
    return keys.map(() => toGraphQLError(error));
  }
}

async function loadGroups<K extends { image: ImageRef }>(
  keys: readonly K[],
  keyOf: (key: K) => string,
  loadImage: (image: ImageRef, group: K[]) => Promise<Promise<unknown>[]>,
): Promise<unknown[]> {
  const groups = new Map<string, K[]>();
  for (const key of keys) groups.set(key.image.id, [...(groups.get(key.image.id) ?? []), key]);
  const pending = new Map<string, Promise<unknown>>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const results = await loadImage((group[0] as K).image, group);
      group.forEach((k, i) => pending.set(keyOf(k), results[i] as Promise<unknown>));
    }),
  );
  return Promise.all(
    keys.map((k) => (pending.get(keyOf(k)) as Promise<unknown>).catch(toGraphQLError)),
  );
}
