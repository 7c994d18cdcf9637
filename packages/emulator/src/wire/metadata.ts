// `metadata {width, height, format}` of analyze-family answers.
import type { LoadedImage } from '../analysis/types.js';

export const imageMetadata = (img: LoadedImage) => ({
  width: img.width,
  height: img.height,
  format: img.format,
});
