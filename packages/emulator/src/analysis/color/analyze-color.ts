import { PREVIEW_SIDE } from '../image/load-image.js';
import { toRaster } from '../image/raster.js';
import type { ColorResult, LoadedImage } from '../types.js';
import { accentColor } from './accent-color.js';
import { GREY_CHROMA, type ColorName } from './color-names.js';
import { pixelColors, type PixelColors } from './pixel-colors.js';

/** Share of the image width/height that counts as the border (background) band. */
const BORDER = 0.12;
/** A colour joins dominantColors when it covers at least this share of the image. */
const MIN_DOMINANT_SHARE = 0.1;
/** isBWImg: at most this share of pixels may carry visible colour. */
const MAX_COLOURED_SHARE = 0.01;

type Weigh = (x: number, y: number) => number;

function vote(px: PixelColors, weigh: Weigh): [ColorName, number][] {
  const totals = new Map<ColorName, number>();
  for (let y = 0, i = 0; y < px.height; y++) {
    for (let x = 0; x < px.width; x++, i++) {
      const w = weigh(x, y);
      if (w > 0) totals.set(px.names[i]!, (totals.get(px.names[i]!) ?? 0) + w);
    }
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Azure's colour scheme, from a small raster: the background is the commonest colour name in
 * the border band, the foreground the commonest in a centre-weighted window, dominant colours
 * are the names covering at least 10 % of the image (up to 3), and an image is black-and-white
 * when almost no pixel has visible chroma.
 */
export async function analyzeColor(img: LoadedImage): Promise<ColorResult> {
  const px = pixelColors(await toRaster(img, { maxSide: PREVIEW_SIDE }), 2);
  const { width: w, height: h } = px;
  const bw = Math.max(1, Math.round(w * BORDER));
  const bh = Math.max(1, Math.round(h * BORDER));
  const background = vote(px, (x, y) => (x < bw || y < bh || x >= w - bw || y >= h - bh ? 1 : 0));
  // A Gaussian bump over the centre, sigma a quarter of each side (separable: precomputed per axis).
  const bump = (n: number): Float64Array =>
    Float64Array.from({ length: n }, (_, i) => Math.exp(-(((i / n - 0.5) / 0.25) ** 2) / 2));
  const [wx, wy] = [bump(w), bump(h)];
  const foreground = vote(px, (x, y) => wx[x]! * wy[y]!);
  const overall = vote(px, () => 1);
  const n = w * h;
  const dominant = overall
    .filter(([, v]) => v >= n * MIN_DOMINANT_SHARE)
    .slice(0, 3)
    .map(([name]) => name);
  return {
    dominantColorForeground: foreground[0]![0],
    dominantColorBackground: background[0]![0],
    dominantColors: dominant.length ? dominant : [overall[0]![0]],
    accentColor: accentColor(px),
    isBWImg: colouredShare(px) <= MAX_COLOURED_SHARE,
  };
}

// Coloured pixels whose right and lower neighbours are coloured too: areas of colour count,
// one-pixel fringes (ClearType text, JPEG chroma bleeding on edges) do not.
function colouredShare(px: PixelColors): number {
  const { width: w, height: h, chromas } = px;
  let coloured = 0;
  for (let y = 0; y < h - 1; y++) {
    for (let x = 0; x < w - 1; x++) {
      const i = y * w + x;
      if (
        chromas[i]! > GREY_CHROMA &&
        chromas[i + 1]! > GREY_CHROMA &&
        chromas[i + w]! > GREY_CHROMA
      )
        coloured++;
    }
  }
  return coloured / (w * h);
}
