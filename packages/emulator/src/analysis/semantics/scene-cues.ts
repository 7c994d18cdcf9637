// Scene cues measured from the colour layout of a small raster: blue sky in the upper part,
// green vegetation in the lower part, overall darkness. Each is a share of pixels, so a tag built
// on it says how much of the image supports it.
export interface SceneCues {
  /** Share of the top 40 % that is smooth blue sky. */
  sky: number;
  /** Share of the bottom 50 % that is green vegetation. */
  vegetation: number;
  /** Share of the top 50 % that is green vegetation: foliage above the ground, trees. */
  foliage?: number;
  /** Mean luma, 0 (black) to 1 (white). */
  brightness: number;
  /**
   * Share of pixels on long level and upright straight edges, the weaker direction (see
   * straight-edges.ts); absent where not measured (a region of the picture).
   */
  straightEdges?: number;
}

interface Px {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

function isSky(r: number, g: number, b: number): boolean {
  // Clear sky: blue dominant, light (a saturated dark-blue banner is not sky), not grey.
  return b >= 110 && r + g + b >= 330 && b > r + 20 && b >= g - 5 && b - Math.min(r, g) >= 30;
}

function isVegetation(r: number, g: number, b: number): boolean {
  // Leaf and grass greens: green dominant with a hue up to 150 degrees (teal fur or paint is ~165).
  const min = Math.min(r, b);
  return g >= 45 && g > r + 6 && g > b + 10 && (b - r) / (g - min) <= 0.5;
}

/** Colour step to the left neighbour: sky is smooth, foliage is textured. */
function step(d: Uint8Array, o: number, c: number): number {
  return (
    Math.abs(d[o]! - d[o - c]!) +
    Math.abs(d[o + 1]! - d[o + 1 - c]!) +
    Math.abs(d[o + 2]! - d[o + 2 - c]!)
  );
}

/** Vegetation pixels (green, textured) as a mask, so coherence with neighbours can be checked. */
function vegetationMask(px: Px): Uint8Array {
  const { data: d, width: w, height: h, channels: c } = px;
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const o = i * c;
    if (i % w > 0 && isVegetation(d[o]!, d[o + 1]!, d[o + 2]!) && step(d, o, c) >= 12) mask[i] = 1;
  }
  return mask;
}

export function sceneCues(px: Px): SceneCues {
  const { data: d, width: w, height: h, channels: c } = px;
  const vegetation = vegetationMask(px);
  let sky = 0,
    skyN = 0,
    veg = 0,
    vegN = 0,
    leaves = 0,
    leavesN = 0,
    luma = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const o = i * c;
      const [r, g, b] = [d[o]!, d[o + 1]!, d[o + 2]!];
      luma += (0.299 * r + 0.587 * g + 0.114 * b) / 255;
      if (y < h * 0.4) {
        skyN++;
        if (x > 0 && isSky(r, g, b) && step(d, o, c) <= 30) sky++;
      }
      // Foliage comes in patches: a green pixel counts when a neighbour beside or above is green
      // too (random colour noise, about 1 pixel in 4 green, reaches 11 %, under the 15 % floor).
      const patch = vegetation[i] && (vegetation[i - 1] || vegetation[i - w]) ? 1 : 0;
      if (y >= h * 0.5) {
        vegN++;
        veg += patch;
      } else {
        leavesN++;
        leaves += patch;
      }
    }
  }
  return {
    sky: skyN ? sky / skyN : 0,
    vegetation: vegN ? veg / vegN : 0,
    foliage: leavesN ? leaves / leavesN : 0,
    brightness: luma / (w * h || 1),
  };
}
