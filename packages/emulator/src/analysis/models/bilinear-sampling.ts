// Where tfjs' resizeBilinear (alignCorners false, halfPixelCenters false) samples, so inputs can
// be resized in one JS pass over the pixels instead of a chain of tfjs kernels.

/** Per output index: the two source indices it blends and the weight of the second. */
export interface BilinearSamples {
  lo: Int32Array;
  hi: Int32Array;
  frac: Float32Array;
}

/** Where a bilinear resize from `from` to `to` pixels samples along one axis. */
export function bilinearSamples(from: number, to: number): BilinearSamples {
  const scale = from / to;
  const lo = new Int32Array(to);
  const hi = new Int32Array(to);
  const frac = new Float32Array(to);
  for (let i = 0; i < to; i++) {
    const at = scale * i;
    lo[i] = Math.floor(at);
    hi[i] = Math.min(from - 1, Math.ceil(at));
    frac[i] = at - lo[i]!;
  }
  return { lo, hi, frac };
}

/** Per channel, `(value - subtract[channel]) / divide - shift`: how each net wants its input scaled. */
export interface InputScaling {
  subtract: readonly [number, number, number];
  divide: number;
  shift: number;
}

/**
 * Resizes a square RGB image (`side` x `side`, one byte per channel) to `size` x `size` with
 * tfjs' bilinear sampling, scales every value, and writes the floats into `out` from `offset`.
 * @returns the offset after the last value written
 */
export function resizeSquareRgb(
  px: Uint8Array,
  side: number,
  size: number,
  scaling: InputScaling,
  out: Float32Array,
  offset: number,
): number {
  const { lo, hi, frac } = bilinearSamples(side, size); // the same for rows and columns
  const { subtract, divide, shift } = scaling;
  let o = offset;
  for (let r = 0; r < size; r++) {
    const top = lo[r]! * side * 3;
    const bottom = hi[r]! * side * 3;
    const fy = frac[r]!;
    for (let c = 0; c < size; c++) {
      const left = lo[c]! * 3;
      const right = hi[c]! * 3;
      const fx = frac[c]!;
      for (let ch = 0; ch < 3; ch++) {
        const tl = px[top + left + ch]!,
          tr = px[top + right + ch]!;
        const bl = px[bottom + left + ch]!,
          br = px[bottom + right + ch]!;
        const t = tl + (tr - tl) * fx;
        const b = bl + (br - bl) * fx;
        out[o++] = (t + (b - t) * fy - subtract[ch]!) / divide - shift;
      }
    }
  }
  return o;
}
