import type { Box } from './geometry.js';

interface Boxed {
  box: Box;
}

const median = (v: number[]): number => v.sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

/** Groups items whose extents along one axis overlap or nearly touch (gap < minGap), in order. */
function groupsAlong<T extends Boxed>(
  items: T[],
  axis: 'x' | 'y',
  minGap: number,
): { group: T[]; gapBefore: number }[] {
  const lo = (t: T): number => (axis === 'x' ? t.box.x0 : t.box.y0);
  const hi = (t: T): number => (axis === 'x' ? t.box.x1 : t.box.y1);
  const sorted = [...items].sort((a, b) => lo(a) - lo(b));
  const out: { group: T[]; gapBefore: number }[] = [];
  let end = -Infinity;
  for (const t of sorted) {
    const gap = lo(t) - end;
    if (!out.length || gap >= minGap) out.push({ group: [t], gapBefore: gap });
    else out.at(-1)!.group.push(t);
    end = Math.max(end, hi(t));
  }
  return out;
}

/**
 * Basic order: top to bottom; lines sharing a row (vertical centres within half a line height)
 * left to right.
 */
export function basicOrder<T extends Boxed>(lines: readonly T[]): T[] {
  const byTop = [...lines].sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1));
  const rows: T[][] = [];
  for (const l of byTop) {
    const row = rows.at(-1);
    const ref = row?.[0];
    const h = l.box.y1 - l.box.y0;
    if (ref && Math.abs((l.box.y0 + l.box.y1) / 2 - (ref.box.y0 + ref.box.y1) / 2) <= h / 2)
      row.push(l);
    else rows.push([l]);
  }
  return rows.flatMap((r) => r.sort((a, b) => a.box.x0 - b.box.x0));
}

/**
 * Lines in natural order grouped into blocks: a new block starts where the next line does not
 * overlap the previous one horizontally or sits more than 0.8 line heights below it (a column
 * change or a paragraph break).
 */
export function blocksOf<T extends Boxed>(lines: readonly T[]): T[][] {
  const lineHeight = Math.max(1, median(lines.map((l) => l.box.y1 - l.box.y0)));
  const blocks: T[][] = [];
  for (const l of naturalOrder(lines)) {
    const prev = blocks.at(-1)?.at(-1);
    const joins =
      prev &&
      l.box.x0 < prev.box.x1 &&
      prev.box.x0 < l.box.x1 &&
      l.box.y0 - prev.box.y1 <= 0.8 * lineHeight &&
      l.box.y0 >= prev.box.y0;
    if (joins) blocks.at(-1)!.push(l);
    else blocks.push([l]);
  }
  return blocks;
}

/**
 * Natural (column-aware) order by recursive XY-cut: wherever a vertical gutter (a gap at least a
 * line height wide that no line crosses) splits the lines, read the parts left to right;
 * otherwise cut at the widest horizontal gap and read the parts top to bottom. A banner across
 * two columns is thus read first, then the left column down, then the right one.
 */
export function naturalOrder<T extends Boxed>(lines: readonly T[]): T[] {
  const lineHeight = Math.max(1, median(lines.map((l) => l.box.y1 - l.box.y0)));
  const cut = (items: T[]): T[] => {
    if (items.length <= 1) return items;
    const columns = groupsAlong(items, 'x', lineHeight);
    if (columns.length > 1) return columns.flatMap((c) => cut(c.group));
    const bands = groupsAlong(items, 'y', 1);
    if (bands.length === 1) return basicOrder(items);
    let widest = 1;
    for (let i = 2; i < bands.length; i++)
      if (bands[i]!.gapBefore > bands[widest]!.gapBefore) widest = i;
    return [
      ...cut(bands.slice(0, widest).flatMap((b) => b.group)),
      ...cut(bands.slice(widest).flatMap((b) => b.group)),
    ];
  };
  return cut([...lines]);
}
