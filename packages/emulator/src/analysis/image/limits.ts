// Decoding limits that keep hostile input from exhausting memory or time.

/** Largest accepted image in pixels: Azure's analyze limit is "under 16,000 x 16,000". */
export const MAX_INPUT_PIXELS = 16_000 * 16_000;

/** Largest PDF page accepted, in points (200 inches, beyond any real paper size). */
export const MAX_PDF_PAGE_POINTS = 14_400;

/** Longest side of a raster rendered from a PDF page (memory bound for rendering). */
export const MAX_PDF_RENDER_SIDE = 6_000;
