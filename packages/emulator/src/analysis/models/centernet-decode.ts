// centernet's detection tail, in JS. The graph turns its heads (class heatmap 128x128x80 after
// sigmoid, box extents 128x128x4) into 100 detections with a 3x3 max-pool peak test, Equal, Cast,
// Mul and TopK over all 1.3 M heatmap cells: ~30 ms of tfjs-wasm kernels per image. Only cells at
// or above the score floor can become objects, so testing just those gives the same detections.
// Arithmetic follows the graph's float32 ops (Math.fround) so boxes are bit-identical.

/** Heatmap side and stride to the 512 px model input (constants of human's centernet graph). */
export const CENTERNET_GRID = 128;
const STRIDE = 4;
const CLASSES = 80;
/** The graph's TopK. */
const MAX_CANDIDATES = 100;

export interface CenternetCandidate {
  /** x1, y1, x2, y2 in model-input pixels (0..512), float32 values. */
  box: [number, number, number, number];
  score: number;
  classIndex: number;
}

/** A heatmap cell is a peak when no cell of its 3x3 neighbourhood (same class) is higher. */
function isPeak(heat: Float32Array, x: number, y: number, c: number, v: number): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    const yy = y + dy;
    if (yy < 0 || yy >= CENTERNET_GRID) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx;
      if (xx < 0 || xx >= CENTERNET_GRID) continue;
      if (heat[(yy * CENTERNET_GRID + xx) * CLASSES + c]! > v) return false;
    }
  }
  return true;
}

/**
 * Peaks scoring at least `minScore`, highest first (ties: lower cell index first, as TopK), at
 * most the graph's 100. `heat` is [128, 128, 80] and `extents` [128, 128, 4] (left, top, right,
 * bottom distances from the cell centre), both row-major.
 */
export function decodeCenternet(
  heat: Float32Array,
  extents: Float32Array,
  minScore: number,
): CenternetCandidate[] {
  const peaks: number[] = [];
  for (let i = 0; i < heat.length; i++) {
    const v = heat[i]!;
    if (v < minScore) continue;
    const cell = Math.floor(i / CLASSES);
    if (isPeak(heat, cell % CENTERNET_GRID, Math.floor(cell / CENTERNET_GRID), i % CLASSES, v))
      peaks.push(i);
  }
  peaks.sort((a, b) => heat[b]! - heat[a]! || a - b);
  return peaks.slice(0, MAX_CANDIDATES).map((i) => {
    const cell = Math.floor(i / CLASSES);
    const cx = (cell % CENTERNET_GRID) * STRIDE;
    const cy = Math.floor(cell / CENTERNET_GRID) * STRIDE;
    const e = cell * 4;
    const f = Math.fround;
    return {
      box: [
        f(cx - extents[e]!),
        f(cy - extents[e + 1]!),
        f(cx + extents[e + 2]!),
        f(cy + extents[e + 3]!),
      ],
      score: heat[i]!,
      classIndex: i % CLASSES,
    };
  });
}
