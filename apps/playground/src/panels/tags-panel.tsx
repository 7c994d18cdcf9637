import { Panel, percent, valueOf } from '../components/panel.js';
import { fieldState } from '../field-state.js';
import type { Analysis } from '../use-analysis.js';

export function TagsPanel({ analysis }: { analysis: Analysis }) {
  const tags = fieldState(analysis, 'tags', analysis.variables.tags);
  const list = valueOf(tags) ?? [];
  return (
    <Panel title="Tags" states={[tags]} loadingLabel="Tagging…" testId="tags-panel">
      {list.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <ul className="chips">
          {list.map((tag) => (
            <li key={tag.name} className="chip">
              {tag.name} <span className="confidence">{percent(tag.confidence)}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
