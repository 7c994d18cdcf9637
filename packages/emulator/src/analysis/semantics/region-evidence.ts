// The evidence of a sub-rectangle of the image, so the caption builder can caption a region
// (Image Analysis 4.0's dense captions) exactly as it captions a whole image: detections whose
// centre lies in the region, moved into its coordinates. Whole-image cues (sky, lawn, the text
// page check) and recognised places describe the whole picture, so a small region drops them;
// the kind of picture (drawing, black and white) holds for every part of it.
import type { Rect } from '../types.js';
import type { Evidence } from './evidence.js';

/** A region covering at least this share of the image keeps the whole-image cues and places. */
const WHOLE_SHARE = 0.5;

function inRegion<T extends { rect: Rect }>(items: T[], r: Rect): T[] {
  return items
    .filter((i) => {
      const cx = i.rect.x + i.rect.w / 2;
      const cy = i.rect.y + i.rect.h / 2;
      return cx >= r.x && cy >= r.y && cx < r.x + r.w && cy < r.y + r.h;
    })
    .map((i) => ({ ...i, rect: { ...i.rect, x: i.rect.x - r.x, y: i.rect.y - r.y } }));
}

export function evidenceInRegion(e: Evidence, r: Rect): Evidence {
  const whole = (r.w * r.h) / (e.width * e.height) >= WHOLE_SHARE;
  return {
    ...e,
    width: r.w,
    height: r.h,
    faces: inRegion(e.faces, r),
    objects: inRegion(e.objects, r),
    weak: inRegion(e.weak, r),
    celebrities: inRegion(e.celebrities, r),
    logos: inRegion(e.logos, r),
    landmarks: whole ? e.landmarks : [],
    cues: whole ? e.cues : { sky: 0, vegetation: 0, brightness: e.cues.brightness },
    text: whole ? e.text : 0,
  };
}
