import { Panel, percent, valueOf } from '../components/panel.js';
import { RegionRows } from '../components/region-rows.js';
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
      <RegionRows rows={rows} empty="No faces or objects found." />
    </Panel>
  );
}
