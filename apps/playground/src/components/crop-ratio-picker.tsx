import { type FormEvent, useState } from 'react';
import { PRESET_RATIOS, parseRatio, RATIO_RANGE, toggleRatio } from '../crop-ratios.js';
import { formatRatio } from './shapes.js';

interface CropRatioPickerProps {
  ratios: readonly number[];
  onChange: (ratios: number[]) => void;
  disabled: boolean;
}

/**
 * The smart-crop ratios to ask for: the usual shapes as checkboxes, plus any ratio typed in,
 * checked against the range the service accepts before a query is sent.
 */
export function CropRatioPicker({ ratios, onChange, disabled }: CropRatioPickerProps) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const presets = new Set<number>(PRESET_RATIOS.map((preset) => preset.ratio));
  const custom = ratios.filter((ratio) => !presets.has(ratio));
  const add = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseRatio(typed);
    if ('error' in parsed) return setError(parsed.error);
    setError(undefined);
    setTyped('');
    if (!ratios.includes(parsed.ratio)) onChange(toggleRatio(ratios, parsed.ratio));
  };
  return (
    <fieldset className="options ratios" disabled={disabled}>
      <legend>Smart-crop ratios (width / height)</legend>
      <div className="ratio-choices">
        {PRESET_RATIOS.map(({ ratio, label }) => (
          <label key={ratio} className="check">
            <input
              type="checkbox"
              name={`ratio-${ratio}`}
              checked={ratios.includes(ratio)}
              onChange={() => onChange(toggleRatio(ratios, ratio))}
            />
            {label} <span className="muted">{formatRatio(ratio)}</span>
          </label>
        ))}
        {custom.map((ratio) => (
          <label key={ratio} className="check">
            <input type="checkbox" checked onChange={() => onChange(toggleRatio(ratios, ratio))} />
            {formatRatio(ratio)}
          </label>
        ))}
      </div>
      <form className="ratio-form" onSubmit={add}>
        <label>
          Other ratio
          <input
            value={typed}
            inputMode="decimal"
            placeholder={`${RATIO_RANGE.min} to ${RATIO_RANGE.max}, or 5:4`}
            aria-invalid={error !== undefined}
            aria-describedby={error ? 'ratio-error' : undefined}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <button type="submit">Add ratio</button>
      </form>
      {error ? (
        <p id="ratio-error" className="error" role="alert">
          {error}
        </p>
      ) : null}
      {ratios.length === 0 ? (
        <p className="muted">No ratio picked: the service chooses one crop.</p>
      ) : null}
    </fieldset>
  );
}
