// Face descriptors of the celebrity gallery, computed once per worker on first use.
import sharp from 'sharp';
import { analyzeFaces } from '../models/face-analyzer.js';
import { listGallery, readGalleryFile } from './gallery-files.js';

export interface Identity {
  name: string;
  descriptors: number[][];
}

const REFERENCE_MIN_CONFIDENCE = 0.1;

let cached: Promise<Identity[]> | undefined;

async function largestFaceDescriptor(file: string): Promise<number[] | undefined> {
  const { data, info } = await sharp(file)
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .resize({ width: 1024, height: 1024, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // A reference picture is known to show its person, so a weak detection is still that face
  // (Bill Gates' crop scores 0.2-0.5); the most confident one wins.
  const faces = await analyzeFaces(
    { data, width: info.width, height: info.height },
    true,
    REFERENCE_MIN_CONFIDENCE,
  );
  return faces.sort((a, b) => b.score - a.score)[0]?.descriptor;
}

/** One descriptor per reference image (its most confident face); images without a face are skipped. */
export function celebrityGallery(roots: string[]): Promise<Identity[]> {
  cached ??= (async () => {
    const byName = new Map<string, number[][]>();
    for (const { name, file } of await listGallery(roots, 'celebrities')) {
      const d = await readGalleryFile(file, largestFaceDescriptor);
      if (d) byName.set(name, [...(byName.get(name) ?? []), d]);
    }
    return [...byName].map(([name, descriptors]) => ({ name, descriptors }));
  })();
  return cached;
}
