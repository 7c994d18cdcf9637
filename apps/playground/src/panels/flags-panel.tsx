import { Panel, percent, valueOf } from '../components/panel.js';
import { fieldState } from '../field-state.js';
import type { Analysis } from '../use-analysis.js';

/** Image type (clip art, line drawing) and the adult / racy / gory classification. */
export function FlagsPanel({ analysis }: { analysis: Analysis }) {
  const on = analysis.variables.colors;
  const imageType = fieldState(analysis, 'imageType', on);
  const adult = fieldState(analysis, 'adult', on);
  const type = valueOf(imageType);
  const flags = valueOf(adult);
  return (
    <Panel
      title="Image type and adult content"
      states={[imageType, adult]}
      loadingLabel="Classifying…"
      testId="flags-panel"
    >
      <dl className="facts">
        {type ? (
          <>
            <dt>Clip art</dt>
            <dd>
              {type.clipArt.toLowerCase().replaceAll('_', ' ')} ({type.clipArtType})
            </dd>
            <dt>Line drawing</dt>
            <dd>{type.isLineDrawing ? 'yes' : 'no'}</dd>
          </>
        ) : null}
        {flags ? (
          <>
            <Flag name="Adult" on={flags.isAdult} score={flags.adultScore} />
            <Flag name="Racy" on={flags.isRacy} score={flags.racyScore} />
            <Flag name="Gory" on={flags.isGory} score={flags.goreScore} />
          </>
        ) : null}
      </dl>
    </Panel>
  );
}

function Flag({ name, on, score }: { name: string; on: boolean; score: number }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>
        <span className={on ? 'flag flag-on' : 'flag'}>{on ? 'yes' : 'no'}</span>{' '}
        <meter min={0} max={1} value={score} aria-label={`${name} score`} /> {percent(score)}
      </dd>
    </>
  );
}
