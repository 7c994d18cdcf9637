import type { LoadedImage } from '../types.js';
import { pdfPageSizeOffThread as pdfPageSize } from './off-thread.js';
import { sharpInput } from './sharp-input.js';

/** Size of a 1-based page in original pixels (PDF: points, i.e. pixels at 72 dpi). */
export async function pageSize(
  img: LoadedImage,
  page = 1,
): Promise<{ width: number; height: number }> {
  if (page === 1 && img.format !== 'Pdf') return { width: img.width, height: img.height };
  if (img.format === 'Pdf') return pdfPageSize(img.bytes, page);
  const meta = await sharpInput(img.bytes, page).metadata();
  return { width: meta.autoOrient.width, height: meta.autoOrient.height };
}
