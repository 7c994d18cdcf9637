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

export function pixelColors(r: Raster): PixelColors {
  const n = r.width * r.height;
  const names = new Array<ColorName>(n);
  const chromas = new Float32Array(n);
  const lightness = new Float32Array(n);
  // Flat areas repeat colours: name each distinct colour once.
  const memo = new Map<number, ColorName>();
  for (let i = 0, o = 0; i < n; i++, o += r.channels) {
    const R = r.data[o]!;
    const G = r.data[o + 1]!;
    const B = r.data[o + 2]!;
    const lab = rgbToOklab(R, G, B);
    const key = (R << 16) | (G << 8) | B;
    let name = memo.get(key);
    if (!name) memo.set(key, (name = nameOf(lab)));
    names[i] = name;
    chromas[i] = chroma(lab);
    lightness[i] = lab.l;
  }
  return { width: r.width, height: r.height, rgb: r.data, names, chromas, lightness };
}
