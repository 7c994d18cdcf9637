import { Panel, percent, valueOf } from '../components/panel.js';
import { RegionRows } from '../components/region-rows.js';
import { formatRatio } from '../components/shapes.js';
import { fieldState } from '../field-state.js';
import type { Analysis } from '../use-analysis.js';

/** Image Analysis 4.0 regions: dense captions, people and smart crops, as drawn over the image. */
export function RegionsPanel({ analysis }: { analysis: Analysis }) {
  const { variables } = analysis;
  const dense = fieldState(analysis, 'denseCaptions', variables.denseCaptions);
  const people = fieldState(analysis, 'people', variables.people);
  const crops = fieldState(analysis, 'smartCrops', variables.smartCrops);
  const rows = [
    ...(valueOf(dense) ?? []).map((caption) => ({
      kind: 'dense',
      name: `${caption.text} ${percent(caption.confidence)}`,
      rect: caption.rectangle,
    })),
    ...(valueOf(people) ?? []).map((person) => ({
      kind: 'person',
      name: `person ${percent(person.confidence)}`,
      rect: person.rectangle,
    })),
    ...(valueOf(crops) ?? []).map((crop) => ({
      kind: 'crop',
      name: `crop ${formatRatio(crop.aspectRatio)}`,
      rect: crop.rectangle,
    })),
  ];
  return (
    <Panel
      title="Dense captions, people, crops"
      states={[dense, people, crops]}
      loadingLabel="Finding regions…"
      testId="regions-panel"
    >
      <RegionRows rows={rows} empty="No regions found." />
    </Panel>
  );
}
