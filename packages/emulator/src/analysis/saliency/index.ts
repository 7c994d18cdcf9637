export { areaOfInterest } from './area-of-interest.js';
export { smartThumbnail, thumbnailWindow } from './smart-thumbnail.js';
export { smartCrops } from './smart-crops.js';
