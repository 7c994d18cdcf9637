// Left-right mirror of a greyscale raster (ORB is not mirror-invariant).
export function mirrorGrey(data: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) out[row + x] = data[row + width - 1 - x]!;
  }
  return out;
}
