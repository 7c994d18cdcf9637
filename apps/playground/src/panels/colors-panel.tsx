import { Panel, valueOf } from '../components/panel.js';
import { fieldState } from '../field-state.js';
import type { Analysis } from '../use-analysis.js';

// Azure names dominant colours with plain English words that are also CSS colour keywords
// ("Grey", "Orange", ...), except that CSS "brown" is a dark red; the accent colour is a hex
// code without '#'.
const CSS_FOR: Record<string, string> = { brown: '#8b5a2b' };
const named = (role: string, name: string) => {
  const key = name.toLowerCase();
  return { role, name, css: CSS_FOR[key] ?? key };
};

export function ColorsPanel({ analysis }: { analysis: Analysis }) {
  const color = fieldState(analysis, 'color', analysis.variables.colors);
  const value = valueOf(color);
  const swatches = value
    ? [
        named('Foreground', value.dominantForeground),
        named('Background', value.dominantBackground),
        ...value.dominantColors.map((name) => named('Dominant', name)),
        { role: 'Accent', name: `#${value.accentColor}`, css: `#${value.accentColor}` },
      ]
    : [];
  return (
    <Panel
      title="Colours"
      states={[color]}
      loadingLabel="Looking at colours…"
      testId="colors-panel"
    >
      {value ? (
        <>
          <ul className="swatches">
            {swatches.map((swatch, i) => (
              <li key={i}>
                <span
                  className="color-chip"
                  style={{ background: swatch.css }}
                  aria-hidden="true"
                />
                <span>{swatch.name}</span>
                <span className="muted">{swatch.role}</span>
              </li>
            ))}
          </ul>
          {value.isBlackAndWhite ? <p className="muted">Black and white image.</p> : null}
        </>
      ) : (
        <p className="muted">No colour information.</p>
      )}
    </Panel>
  );
}
