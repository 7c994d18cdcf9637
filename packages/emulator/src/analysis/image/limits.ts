// Decoding limits that keep hostile input from exhausting memory or time.

/**
 * Largest image sharp decodes, in pixels: Azure's analyze limit is "under 16,000 x 16,000". Each
 * request also passes its operation's own limits (LoadLimits), checked before any pixel decodes.
 */
export const MAX_INPUT_PIXELS = 15_999 * 15_999;

/**
 * Largest RLE-compressed BMP decoded, in pixels. RLE lets a 1 KB file claim any size, and its
 * decoder holds 7 bytes per pixel in JS memory; no real RLE bitmap comes near 40 MP.
 */
export const MAX_RLE_BMP_PIXELS = 40_000_000;

/** Largest PDF page accepted, in points (200 inches, beyond any real paper size). */
export const MAX_PDF_PAGE_POINTS = 14_400;

/** Longest side of a raster rendered from a PDF page (memory bound for rendering). */
export const MAX_PDF_RENDER_SIDE = 6_000;

/**
 * Largest image inside a PDF that pdf.js decodes (its maxImageSize), in pixels: a 600 dpi A4 scan
 * is 35 MP, and nothing bigger adds detail to a page rendered at most MAX_PDF_RENDER_SIDE wide.
 * Bigger images are left out of the page instead of being decoded.
 */
export const MAX_PDF_IMAGE_PIXELS = MAX_PDF_RENDER_SIDE * MAX_PDF_RENDER_SIDE;

/** The operation's limits, checked from headers and page counts before pixels are decoded. */
export interface LoadLimits {
  /** Largest width or height accepted, in pixels (PDF pages are not measured in pixels). */
  maxSide?: number;
  /** Most pages accepted (PDF, multi-page TIFF). */
  maxPages?: number;
}
