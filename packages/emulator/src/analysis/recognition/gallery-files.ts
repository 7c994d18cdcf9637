// The recognition gallery on disk: <root>/<kind>/<Name>/*.jpg|png. The shipped gallery comes first;
// a user gallery (BackendOptions.galleryDir) adds names or more pictures of the same names.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type GalleryKind = 'landmarks' | 'celebrities' | 'logos';
export interface GalleryFile {
  name: string;
  file: string;
}

/** packages/emulator/gallery, from src/analysis/recognition or dist/analysis/recognition alike. */
export function shippedGalleryDir(): string {
  return fileURLToPath(new URL('../../../gallery/', import.meta.url));
}

const IMAGE = /\.(jpe?g|png)$/i;

async function entries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).map((e) => e.name).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []; // a gallery may lack a kind
    throw err;
  }
}

export async function listGallery(roots: string[], kind: GalleryKind): Promise<GalleryFile[]> {
  const out: GalleryFile[] = [];
  for (const root of roots) {
    for (const name of await entries(path.join(root, kind))) {
      for (const file of await entries(path.join(root, kind, name))) {
        if (IMAGE.test(file)) out.push({ name, file: path.join(root, kind, name, file) });
      }
    }
  }
  return out;
}

/** A gallery picture could not be read; the message names the file. */
export class GalleryImageError extends Error {
  override readonly name = 'GalleryImageError';
  readonly code = 'GALLERY_IMAGE_UNREADABLE';
}

/** Runs `use` on one gallery file, naming the file if it fails (a user gallery may hold anything). */
export async function readGalleryFile<T>(
  file: string,
  use: (file: string) => Promise<T>,
): Promise<T> {
  try {
    return await use(file);
  } catch (err) {
    throw new GalleryImageError(
      `gallery image ${file} could not be read: ${(err as Error).message}`,
    );
  }
}
