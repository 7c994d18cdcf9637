import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL's page with its scripts inlined (yoga's default page loads them from a CDN), so it
 * works offline. The renderer module holds the whole GraphiQL bundle as strings (~25 MB of heap),
 * so it is loaded when someone first opens GraphiQL, not by every gateway process at start-up.
 */
export async function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL(options);
}
