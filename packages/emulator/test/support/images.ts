// Synthetic inputs made with sharp for the limit checks (sizes and dimensions).
import { randomFillSync } from 'node:crypto';
import sharp from 'sharp';

export const solidPng = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .png()
    .toBuffer();

/** A valid JPEG just over `bytes` long: random pixels do not compress. */
export async function jpegOver(bytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(bytes / 1.2));
  const raw = randomFillSync(Buffer.alloc(side * side * 3));
  const jpeg = await sharp(raw, { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
  if (jpeg.length <= bytes) throw new Error(`synthetic JPEG too small: ${jpeg.length}`);
  return jpeg;
}
