// Every rectangle and polygon in an answer lies inside the image (or, for Read, inside its page),
// as Azure's do. Returns one line per shape that does not, naming where it is.
export interface Frame {
  width: number;
  height: number;
}

function rectProblem(x: number, y: number, w: number, h: number, f: Frame): boolean {
  return x < 0 || y < 0 || w < 0 || h < 0 || x + w > f.width || y + h > f.height;
}

function quadProblem(q: number[], f: Frame): boolean {
  return q.some((v, i) => v < 0 || v > (i % 2 === 0 ? f.width : f.height));
}

export function shapesOutside(node: unknown, frame: Frame, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => shapesOutside(v, frame, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, any>;
  // Read pages carry their own size (pixels, or inches for PDF).
  const own: Frame =
    typeof o.width === 'number' && typeof o.height === 'number' && Array.isArray(o.lines)
      ? { width: o.width, height: o.height }
      : frame;
  // Legacy OCR boxes are in the upright image.
  const upright =
    o.orientation === 'Left' || o.orientation === 'Right'
      ? { width: own.height, height: own.width }
      : own;
  const out: string[] = [];
  for (const [key, v] of Object.entries(o)) {
    const at = `${path}.${key}`;
    const bad = (shape: unknown) =>
      out.push(`${at} ${JSON.stringify(shape)} outside ${upright.width}x${upright.height}`);
    if (key === 'faceRectangle' && rectProblem(v.left, v.top, v.width, v.height, upright)) bad(v);
    else if (
      (key === 'rectangle' || key === 'areaOfInterest') &&
      rectProblem(v.x, v.y, v.w, v.h, upright)
    )
      bad(v);
    else if (key === 'boundingBox' && typeof v === 'string') {
      const [x, y, w, h] = v.split(',').map(Number) as [number, number, number, number];
      if (rectProblem(x, y, w, h, upright)) bad(v);
    } else if (key === 'boundingBox' && Array.isArray(v) && quadProblem(v, upright)) bad(v);
    else out.push(...shapesOutside(v, upright, at));
  }
  return out;
}
