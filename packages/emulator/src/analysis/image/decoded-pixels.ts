import type { LoadedImage } from '../types.js';
import type { RawPixels } from './decode-bmp.js';

// Formats sharp cannot read (BMP) are decoded once at load time and kept here, keyed by the
// image object, so they are freed with it at the end of the request.
const store = new WeakMap<LoadedImage, RawPixels>();

export const rememberPixels = (img: LoadedImage, px: RawPixels): void => void store.set(img, px);
export const decodedPixels = (img: LoadedImage): RawPixels | undefined => store.get(img);
