// POSTs a typed document with fetch; the result and variables types come from the document.
import type { TypedDocumentString } from './gql/graphql.js';

export interface GraphQLResponse<TResult> {
  data?: TResult | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: { code?: string };
  }>;
}

export async function request<TResult, TVariables>(
  endpoint: URL | string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<GraphQLResponse<TResult>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  if (!response.headers.get('content-type')?.includes('json')) {
    throw new Error(`${endpoint} answered HTTP ${response.status} without JSON`);
  }
  return (await response.json()) as GraphQLResponse<TResult>;
}
