// Where tfjs' resizeBilinear (alignCorners false, halfPixelCenters false) samples, so inputs can
// be resized in one JS pass over the pixels instead of a chain of tfjs kernels.

/** Per output index: the two source indices it blends and the weight of the second. */
export interface BilinearSamples { lo: Int32Array; hi: Int32Array; frac: Float32Array }

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
