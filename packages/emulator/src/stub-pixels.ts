// The real pixel analyses the stub backend uses (no model involved), behind one lazy import.
export { analyzeColor } from './analysis/color/analyze-color.js';
export { classifyImageType } from './analysis/color/classify-image-type.js';
export { loadImage } from './analysis/image/load-image.js';
export { areaOfInterest, smartCrops, smartThumbnail } from './analysis/saliency/index.js';
