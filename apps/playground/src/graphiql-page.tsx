import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', location.origin).href });

interface GraphiQLPageProps {
  query: string | undefined;
  variables: string | undefined;
}

/** GraphiQL against the gateway; loaded lazily, since monaco is most of its weight. */
export default function GraphiQLPage({ query, variables }: GraphiQLPageProps) {
  return (
    <div className="graphiql-page">
      <GraphiQL
        fetcher={fetcher}
        {...(query ? { initialQuery: query } : {})}
        {...(variables ? { initialVariables: variables } : {})}
        defaultEditorToolsVisibility={variables ? 'variables' : undefined}
      />
    </div>
  );
}
