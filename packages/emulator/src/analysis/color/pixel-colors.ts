import type { Raster } from '../image/raster.js';
import { nameOf, type ColorName } from './color-names.js';
import { chroma, rgbToOklab } from './oklab.js';

/** Per-pixel colour facts of a small RGB raster, computed once and shared by the colour features. */
export interface PixelColors {
  width: number;
  height: number;
  rgb: Buffer;
  names: ColorName[];
  chromas: Float32Array;
  lightness: Float32Array;
}

/**
 * Colour facts of every `step`-th pixel in each direction (colour statistics need no more than
 * about 128 x 128 samples, and this keeps the colour feature at a few milliseconds).
 */
export function pixelColors(r: Raster, step = 1): PixelColors {
  const width = Math.ceil(r.width / step);
  const height = Math.ceil(r.height / step);
  const n = width * height;
  const rgb = Buffer.allocUnsafe(n * 3);
  const names = new Array<ColorName>(n);
  const chromas = new Float32Array(n);
  const lightness = new Float32Array(n);
  // Flat areas repeat colours: name each distinct colour once.
  const memo = new Map<number, ColorName>();
  for (let i = 0; i < n; i++) {
    const x = (i % width) * step;
    const y = Math.floor(i / width) * step;
    const o = (y * r.width + x) * r.channels;
    const R = r.data[o]!;
    const G = r.data[o + 1]!;
    const B = r.data[o + 2]!;
    rgb[i * 3] = R;
    rgb[i * 3 + 1] = G;
    rgb[i * 3 + 2] = B;
    const lab = rgbToOklab(R, G, B);
    const key = (R << 16) | (G << 8) | B;
    let name = memo.get(key);
    if (!name) memo.set(key, (name = nameOf(lab)));
    names[i] = name;
    chromas[i] = chroma(lab);
    lightness[i] = lab.l;
  }
  return { width, height, rgb, names, chromas, lightness };
}
