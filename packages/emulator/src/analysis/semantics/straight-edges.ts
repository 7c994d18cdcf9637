// Long straight edges, level and upright: what walls, roofs, windows, doors and porches leave in
// a picture and what foliage, grass, fur and skin do not. Measured on a small grey raster: Sobel
// edges are split into level and upright ones, then walked along lines tilted up to 8 degrees;
// an edge counts when it lies on a run covering at least a fifth of the picture's side
// (gaps up to 2 pixels bridged). Man-made structures show both directions.
interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Sobel magnitude (0-1020 scale) an edge needs: clear steps, not JPEG noise or soft shading. */
const MIN_EDGE = 60;
/** An edge's gradient is this many times stronger across than along to count as level/upright. */
const AXIS_RATIO = 2.5;
/** A straight run covers at least this share of the picture's side. */
const MIN_RUN = 0.2;
const MAX_GAP = 2;
const TILTS_DEG = [-8, -6, -4, -2, 0, 2, 4, 6, 8];

/** Masks of level (horizontal) and upright (vertical) edge pixels. */
function axisEdges({ data, width: w, height: h }: Grey): [Uint8Array, Uint8Array] {
  const level = new Uint8Array(w * h);
  const upright = new Uint8Array(w * h);
  const g = (x: number, y: number): number => data[y * w + x]!;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const gx =
        g(x + 1, y - 1) +
        2 * g(x + 1, y) +
        g(x + 1, y + 1) -
        g(x - 1, y - 1) -
        2 * g(x - 1, y) -
        g(x - 1, y + 1);
      const gy =
        g(x - 1, y + 1) +
        2 * g(x, y + 1) +
        g(x + 1, y + 1) -
        g(x - 1, y - 1) -
        2 * g(x, y - 1) -
        g(x + 1, y - 1);
      if (gx * gx + gy * gy < MIN_EDGE * MIN_EDGE) continue;
      if (Math.abs(gy) > AXIS_RATIO * Math.abs(gx)) level[y * w + x] = 1;
      else if (Math.abs(gx) > AXIS_RATIO * Math.abs(gy)) upright[y * w + x] = 1;
    }
  }
  return [level, upright];
}

/** Pixels of `mask` lying on long straight runs along (level) or across (upright) the rows. */
function straightPixels(mask: Uint8Array, w: number, h: number, level: boolean): number {
  const len = level ? w : h;
  const across = level ? h : w;
  const minRun = Math.round(len * MIN_RUN);
  // Tilted lines may start outside the picture and enter it.
  const margin = Math.ceil(len * Math.tan((8 * Math.PI) / 180));
  const counted = new Uint8Array(w * h);
  const line = new Int32Array(len); // pixel index at each step along the line, -1 outside
  let total = 0;
  for (const deg of TILTS_DEG) {
    const slope = Math.tan((deg * Math.PI) / 180);
    for (let offset = -margin; offset < across + margin; offset++) {
      for (let t = 0; t < len; t++) {
        const c = Math.round(offset + slope * t);
        line[t] = c < 0 || c >= across ? -1 : level ? c * w + t : t * w + c;
      }
      // Runs of edge pixels along the line; `hits` counts the edge pixels of the current run.
      let start = -1;
      let last = -1;
      let hits = 0;
      const close = (): void => {
        if (hits >= minRun)
          for (let t = start; t <= last; t++) {
            const i = line[t]!;
            if (i >= 0 && mask[i] && !counted[i]) {
              counted[i] = 1;
              total++;
            }
          }
        start = -1;
        hits = 0;
      };
      for (let t = 0; t < len; t++) {
        const i = line[t]!;
        if (i < 0 || !mask[i]) {
          if (start >= 0 && t - last > MAX_GAP) close();
          continue;
        }
        if (start < 0) start = t;
        last = t;
        hits++;
      }
      if (start >= 0) close();
    }
  }
  return total;
}

/**
 * Share of the picture's pixels on long straight edges in the weaker of the two directions:
 * 0 for foliage, a leaf or a deck of level planks (one direction only), about 0.013-0.024 for a
 * house front (measured on the two house photos at 128 px).
 */
export function straightEdges(grey: Grey): number {
  const { width: w, height: h } = grey;
  if (w < 8 || h < 8) return 0;
  const [level, upright] = axisEdges(grey);
  const n = w * h;
  return Math.min(straightPixels(level, w, h, true) / n, straightPixels(upright, w, h, false) / n);
}
