import { useEffect, useState } from 'react';

// Hash routes keep the app a single static page that any server (the gateway, vite preview)
// can serve without rewrites: `#/` is the playground, `#/graphiql?query=…&variables=…`
// opens GraphiQL with that operation.
export type Route =
  | { page: 'playground' }
  | { page: 'graphiql'; query: string | undefined; variables: string | undefined };

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  if (path !== '/graphiql') return { page: 'playground' };
  const params = new URLSearchParams(search);
  return {
    page: 'graphiql',
    query: params.get('query') ?? undefined,
    variables: params.get('variables') ?? undefined,
  };
}

export function graphiqlHref(query?: string, variables?: string): string {
  const params = new URLSearchParams();
  if (query) params.set('query', query);
  if (variables) params.set('variables', variables);
  const search = params.toString();
  return search ? `#/graphiql?${search}` : '#/graphiql';
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
