import { createContext, type ReactNode, useContext } from 'react';
import { describeError, type FieldState } from '../field-state.js';
import { ErrorMessage } from './error-message.js';

/** Errors already shown over the image (`CODE: message`); panels only name their code. */
export const ImageErrorsContext = createContext<ReadonlySet<string>>(new Set());

interface PanelProps {
  title: string;
  /** The fields this panel shows; it is hidden when none of them was asked for. */
  states: FieldState<unknown>[];
  /** What to say while a field is still on its way, e.g. "Reading text…". */
  loadingLabel: string;
  children: ReactNode;
  testId?: string;
}

/** A result card: the field's errors (with their codes), a loading line, or the content. */
export function Panel({ title, states, loadingLabel, children, testId }: PanelProps) {
  const overImage = useContext(ImageErrorsContext);
  if (states.every((state) => state.status === 'off')) return null;
  const errors = states.flatMap((state) => (state.status === 'error' ? state.errors : []));
  const loading = states.some((state) => state.status === 'loading');
  // "Nothing found" would be a lie when nothing could be looked at.
  const anyReady = states.some((state) => state.status === 'ready');
  const unique = [...new Map(errors.map((error) => [describeError(error), error])).entries()];
  return (
    <section className="panel" aria-busy={loading} data-testid={testId}>
      <h3>{title}</h3>
      {unique.map(([key, error]) =>
        overImage.has(key) && error.extensions?.code ? (
          <p key={key} className="error" role="alert">
            <strong className="error-code">{error.extensions?.code}</strong> (see the image)
          </p>
        ) : (
          <ErrorMessage key={key} error={error} />
        ),
      )}
      {loading ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {loadingLabel}
        </p>
      ) : anyReady ? (
        children
      ) : null}
    </section>
  );
}

/** The value of a ready field, or undefined. */
export function valueOf<T>(state: FieldState<T>): T | undefined {
  return state.status === 'ready' ? state.value : undefined;
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
