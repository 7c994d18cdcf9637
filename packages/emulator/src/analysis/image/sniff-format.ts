import type { ImageFormat } from '../types.js';

// Magic numbers of the formats Azure accepts. Sniffing the bytes (not trusting a Content-Type)
// is what Azure does too: a PNG posted as image/jpeg is still analysed.
const startsWith = (b: Buffer, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

/** The image format named by the leading bytes, or undefined for anything else. */
export function sniffFormat(bytes: Buffer): ImageFormat | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'Jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'Png';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'Gif'; // GIF8(7|9)a
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 26) return 'Bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'Tiff';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'Webp';
  // PDF readers tolerate a little junk before the header; Azure's Read does as well.
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'Pdf';
  return undefined;
}
