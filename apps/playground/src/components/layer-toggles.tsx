import type { ShapeKind } from './shapes.js';

interface LayerTogglesProps {
  kinds: ReadonlyArray<{ kind: ShapeKind; label: string }>;
  hidden: ReadonlySet<ShapeKind>;
  onChange: (hidden: ReadonlySet<ShapeKind>) => void;
}

/** The legend, which doubles as show/hide switches for each kind of overlay. */
export function LayerToggles({ kinds, hidden, onChange }: LayerTogglesProps) {
  if (kinds.length === 0) return null;
  const toggle = (kind: ShapeKind) => {
    const next = new Set(hidden);
    if (!next.delete(kind)) next.add(kind);
    onChange(next);
  };
  return (
    <fieldset className="legend">
      <legend>Overlays</legend>
      {kinds.map(({ kind, label }) => (
        <label key={kind} className={`legend-item label-${kind}`}>
          <input type="checkbox" checked={!hidden.has(kind)} onChange={() => toggle(kind)} />
          <span className="swatch" aria-hidden="true" />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
