import { useState } from 'react';
import type { AnalyzeImageQueryVariables } from '../gql/graphql.js';
import { graphiqlHref } from '../routes.js';

interface QueryPanelProps {
  query: string;
  variables: AnalyzeImageQueryVariables;
}

/** The exact operation sent to /graphql, to copy or to open in GraphiQL. */
export function QueryPanel({ query, variables }: QueryPanelProps) {
  const [copied, setCopied] = useState<string>();
  // A File cannot travel in GraphiQL's variables: it is shown as null, as in the multipart
  // request's `operations` part.
  const shown = Object.fromEntries(
    Object.entries(variables).map(([key, value]) => [key, value instanceof File ? null : value]),
  );
  const variablesText = JSON.stringify(shown, null, 2);
  const copy = () => {
    navigator.clipboard.writeText(query).then(
      () => setCopied('Copied'),
      () => setCopied('Copy failed: select the text instead'),
    );
  };
  return (
    <section className="panel query-panel" aria-labelledby="query-title">
      <div className="panel-head">
        <h3 id="query-title">Query sent</h3>
        <div className="actions">
          <button type="button" onClick={copy}>
            Copy query
          </button>
          <a
            className="button"
            href={graphiqlHref(query, variablesText)}
            target="_blank"
            rel="noopener"
          >
            Open in GraphiQL
          </a>
          <span role="status" className="muted">
            {copied}
          </span>
        </div>
      </div>
      <pre className="code" tabIndex={0} aria-label="GraphQL query">
        {query}
      </pre>
      <details>
        <summary>Variables</summary>
        <pre className="code">{variablesText}</pre>
      </details>
    </section>
  );
}
