import { Panel, percent, valueOf } from '../components/panel.js';
import { fieldState } from '../field-state.js';
import type { Analysis } from '../use-analysis.js';

/** Celebrities, landmarks and brands: names the domain models recognised. */
export function RecognitionPanel({ analysis }: { analysis: Analysis }) {
  const on = analysis.variables.recognition;
  const celebrities = fieldState(analysis, 'celebrities', on);
  const landmarks = fieldState(analysis, 'landmarks', on);
  const brands = fieldState(analysis, 'brands', on);
  const rows = [
    ...(valueOf(celebrities) ?? []).map((c) => ({ kind: 'celebrity', what: 'Celebrity', ...c })),
    ...(valueOf(landmarks) ?? []).map((l) => ({ kind: 'landmark', what: 'Landmark', ...l })),
    ...(valueOf(brands) ?? []).map((b) => ({ kind: 'brand', what: 'Brand', ...b })),
  ];
  return (
    <Panel
      title="Celebrities, landmarks, brands"
      states={[celebrities, landmarks, brands]}
      loadingLabel="Recognising…"
      testId="recognition-panel"
    >
      {rows.length === 0 ? (
        <p className="muted">Nothing recognised.</p>
      ) : (
        <ul className="rows">
          {rows.map((row, i) => (
            <li key={i} className={`row label-${row.kind}`}>
              <span className="swatch" aria-hidden="true" />
              <span>{row.name}</span>
              <span className="muted">
                {row.what} {percent(row.confidence)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
