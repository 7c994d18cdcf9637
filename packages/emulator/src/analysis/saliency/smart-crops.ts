// Image Analysis 4.0 smart crops: for each requested aspect ratio, the window the v3.2 smart
// thumbnail would show (largest window of that ratio, faces kept together, else the most salient
// part). Without ratios Azure picks one crop "with an aspect ratio it sees fit between 0.5 and
// 2.0": here, the ratio of the area of interest, so the crop hugs what matters.
import type { LoadedImage, Rect, SmartCropResult } from '../types.js';
import { areaOfInterest } from './area-of-interest.js';
import { thumbnailWindow } from './smart-thumbnail.js';

/** Ratios are placed on a 10,000-unit grid: enough precision for any image up to 16,000 px. */
const GRID = 10_000;
export const AUTO_RATIO_RANGE = { min: 0.5, max: 2 } as const;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The ratio the content suggests, within Azure's 0.5 to 2.0. */
async function naturalRatio(img: LoadedImage, faces: readonly Rect[]): Promise<number> {
  const aoi = await areaOfInterest(img, faces);
  const ratio = aoi.h > 0 ? aoi.w / aoi.h : img.width / img.height;
  return round2(Math.min(AUTO_RATIO_RANGE.max, Math.max(AUTO_RATIO_RANGE.min, ratio)));
}

/** Keeps a window inside the image (a rounding step must never point outside it). */
function clamp(r: Rect, img: LoadedImage): Rect {
  const x = Math.max(0, Math.min(img.width - 1, r.x));
  const y = Math.max(0, Math.min(img.height - 1, r.y));
  return {
    x,
    y,
    w: Math.max(1, Math.min(img.width - x, r.w)),
    h: Math.max(1, Math.min(img.height - y, r.h)),
  };
}

export async function smartCrops(
  img: LoadedImage,
  ratios: readonly number[] | undefined,
  faces: readonly Rect[],
): Promise<SmartCropResult[]> {
  const wanted = ratios?.length ? ratios : [await naturalRatio(img, faces)];
  const out: SmartCropResult[] = [];
  for (const aspectRatio of wanted) {
    const win = await thumbnailWindow(img, Math.round(aspectRatio * GRID), GRID, true, faces);
    out.push({ aspectRatio, rect: clamp(win, img) });
  }
  return out;
}
