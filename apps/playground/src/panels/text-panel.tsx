import { Panel, valueOf } from '../components/panel.js';
import { fieldState } from '../field-state.js';
import type { Analysis } from '../use-analysis.js';

/** Read lines (polygons) and OCR words (boxes): the deferred part of the query. */
export function TextPanel({ analysis }: { analysis: Analysis }) {
  const ocr = fieldState(analysis, 'ocr', analysis.variables.text);
  const text = fieldState(analysis, 'text', analysis.variables.text);
  const lines = valueOf(text)?.lines ?? [];
  const words = valueOf(ocr)?.words ?? [];
  const language = valueOf(ocr)?.language;
  return (
    <Panel title="Text" states={[ocr, text]} loadingLabel="Reading text…" testId="text-panel">
      {lines.length === 0 && words.length === 0 ? (
        <p className="muted">No text found.</p>
      ) : (
        <>
          <ol className="lines">
            {lines.map((line, i) => (
              <li key={i}>{line.text}</li>
            ))}
          </ol>
          <p className="muted">
            {lines.length} read lines, {words.length} OCR words
            {language ? `, language ${language}` : ''}
          </p>
          {lines.length === 0 ? (
            <p className="words">{words.map((word) => word.text).join(' ')}</p>
          ) : null}
        </>
      )}
    </Panel>
  );
}
