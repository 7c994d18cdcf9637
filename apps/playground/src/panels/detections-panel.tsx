import { Panel, percent, valueOf } from '../components/panel.js';
import type { Rect } from '../components/shapes.js';
import { fieldState } from '../field-state.js';
import type { Analysis } from '../use-analysis.js';

/** Faces and objects: what is where, matching the boxes over the image. */
export function DetectionsPanel({ analysis }: { analysis: Analysis }) {
  const faces = fieldState(analysis, 'faces', analysis.variables.faces);
  const objects = fieldState(analysis, 'objects', analysis.variables.objects);
  const rows = [
    ...(valueOf(faces) ?? []).map((face) => ({
      kind: 'face',
      name: [face.gender?.toLowerCase() ?? 'face', face.age != null ? `age ${face.age}` : '']
        .filter(Boolean)
        .join(', '),
      rect: face.rectangle,
    })),
    ...(valueOf(objects) ?? []).map((object) => ({
      kind: 'object',
      name: `${object.name} ${percent(object.confidence)}`,
      rect: object.rectangle,
    })),
  ];
  return (
    <Panel
      title="Faces and objects"
      states={[faces, objects]}
      loadingLabel="Detecting…"
      testId="detections-panel"
    >
      {rows.length === 0 ? (
        <p className="muted">No faces or objects found.</p>
      ) : (
        <ul className="rows">
          {rows.map((row, i) => (
            <li key={i} className={`row label-${row.kind}`}>
              <span className="swatch" aria-hidden="true" />
              <span>{row.name}</span>
              <span className="muted">{formatRect(row.rect)}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function formatRect(rect: Rect): string {
  return `${rect.width}×${rect.height} at ${rect.x},${rect.y}`;
}
