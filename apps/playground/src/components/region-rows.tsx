import type { Rect } from './shapes.js';

/** One listed region: its kind (the colour of its box over the image), a label and where it is. */
export interface RegionRow {
  kind: string;
  name: string;
  rect: Rect;
}

export function formatRect(rect: Rect): string {
  return `${rect.width}×${rect.height} at ${rect.x},${rect.y}`;
}

/** The list under a panel of regions, each row coloured like its box; `empty` when none. */
export function RegionRows({ rows, empty }: { rows: readonly RegionRow[]; empty: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="rows">
      {rows.map((row, i) => (
        <li key={i} className={`row label-${row.kind}`} data-kind={row.kind}>
          <span className="swatch" aria-hidden="true" />
          <span>{row.name}</span>
          <span className="muted">{formatRect(row.rect)}</span>
        </li>
      ))}
    </ul>
  );
}
