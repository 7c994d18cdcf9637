/** Pages at least this large (pixels) are split for the two workers; smaller ones are quick anyway. */
export const SPLIT_MIN_PIXELS = 600_000;

/** A row is blank when no pixel in it is darker than this. */
const INK = 160;

/**
 * Cuts a grey page into `parts` horizontal strips at blank rows, so that the strips can be read in
 * parallel without cutting a text line. Each cut is the blank row nearest to its ideal position,
 * searched within a third of a strip; where there is none, fewer strips are made.
 * @returns the y of each strip's top, then the page height.
 */
export function stripCuts(grey: Buffer, width: number, height: number, parts: number): number[] {
  if (parts < 2 || width * height < SPLIT_MIN_PIXELS) return [0, height];
  const blank = new Uint8Array(height);
  for (let y = 0; y < height; y++) {
    let dark = false;
    for (let x = 0, o = y * width; x < width; x++, o++) {
      if (grey[o]! < INK) {
        dark = true;
        break;
      }
    }
    blank[y] = dark ? 0 : 1;
  }
  const cuts = [0];
  const reach = Math.floor(height / parts / 3);
  for (let k = 1; k < parts; k++) {
    const ideal = Math.round((height * k) / parts);
    for (let d = 0; d <= reach; d++) {
      const y = [ideal - d, ideal + d].find((c) => c > cuts.at(-1)! && c < height && blank[c]);
      if (y !== undefined) {
        cuts.push(y);
        break;
      }
    }
  }
  cuts.push(height);
  return cuts;
}
