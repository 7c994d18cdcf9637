// OKLab (Björn Ottosson, 2020): a perceptual colour space where Euclidean distance tracks
// perceived difference far better than RGB, and chroma = hypot(a, b) measures colourfulness.

/** Lightness 0..1 and the two opponent axes (roughly -0.4..0.4). */
export interface Lab {
  l: number;
  a: number;
  b: number;
}

// sRGB decoding is a power curve: precompute it for the 256 byte values.
const LINEAR = Float64Array.from({ length: 256 }, (_, i) => {
  const c = i / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

/** Converts 8-bit sRGB to OKLab. */
export function rgbToOklab(r: number, g: number, b: number): Lab {
  const lr = LINEAR[r]!;
  const lg = LINEAR[g]!;
  const lb = LINEAR[b]!;
  const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  return {
    l: 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    a: 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    b: 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  };
}

/** Colourfulness: distance from the grey axis. */
export const chroma = (c: Lab): number => Math.hypot(c.a, c.b);
